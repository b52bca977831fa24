import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  writeTemplateCsv,
  writeTemplateXlsx,
  type TemplateCodes,
} from '@kraftsamling/api/statistics-formats';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';

export type TemplateFormat = 'csv' | 'xlsx';

/**
 * The import template a collaboration's importers download: the columns the import reads
 * and, in the workbook, the codes they may write (the collaboration's own indicators and its
 * member municipalities), so nobody has to look a code up elsewhere.
 */
@Injectable()
export class ImportTemplateService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async codes(tenant: TenantScope, language: 'sv' | 'en'): Promise<TemplateCodes> {
    const [indicators, areas] = await Promise.all([
      this.dataSource.query(
        `SELECT code, CASE WHEN $2 = 'en' THEN name_en ELSE name_sv END AS name, unit, periodicity
           FROM indicator WHERE collaboration_id = $1 ORDER BY name_sv COLLATE swedish, code`,
        [tenant.collaborationId, language],
      ),
      this.dataSource.query(
        `SELECT m.code, m.proper_name AS name
           FROM organization o JOIN municipality m ON m.code = o.municipality_code
          WHERE o.collaboration_id = $1 AND o.kind = 'MUNICIPALITY'
          ORDER BY m.name COLLATE swedish`,
        [tenant.collaborationId],
      ),
    ]);
    return { indicators, areas };
  }

  async file(tenant: TenantScope, format: TemplateFormat, language: 'sv' | 'en') {
    if (format === 'csv')
      return { bytes: new TextEncoder().encode(writeTemplateCsv()), contentType: 'text/csv; charset=utf-8' };
    return {
      bytes: await writeTemplateXlsx([], await this.codes(tenant, language)),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
}
