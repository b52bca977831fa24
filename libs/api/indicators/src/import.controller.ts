import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  UnsupportedMediaTypeException,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { DataChangeFeed } from '@kraftsamling/api/core/database';
import { badInput } from '@kraftsamling/api/core/errors';
import type { Principal } from '@kraftsamling/api/core/auth';
import { Access, CurrentPrincipal, Tenant, type TenantScope } from '@kraftsamling/api/core/tenancy';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  IMPORT_SOURCES,
  IndicatorImporter,
  type ImportRequest,
  type ImportSource,
} from './indicator-importer';
import { ImportTemplateService, type TemplateFormat } from './import-template.service';

/** The upload limit, configurable because national files grow; default 50 MiB. */
export const maxImportBytes = () =>
  Number(process.env['IMPORT_MAX_MB'] ?? DEFAULT_MAX_IMPORT_BYTES / 1024 / 1024) * 1024 * 1024;

/** Refuses a body that is not a multipart form before the upload parser sees it. */
class MultipartOnly implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    if (!context.switchToHttp().getRequest<Request>().is('multipart/form-data'))
      throw new UnsupportedMediaTypeException(
        'Send the file as multipart/form-data, with the file in the field "file" and the source in "source".',
      );
    return next.handle();
  }
}

/** The multipart file as multer hands it over. */
type UploadedImportFile = { buffer: Buffer; originalname: string; size: number };

/**
 * Imports over HTTP, with a multipart file. Two routes, one per owner of the values:
 *
 * - `POST /api/imports?collaborationId=…`: a collaboration's local figures (template files),
 *   for those with `indicator:import` there; written only for its member municipalities.
 * - `POST /api/imports/official`: official statistics, platform data every collaboration
 *   reads, for those with the platform permission `official:import` (realm role
 *   statistics-steward or platform-admin), whatever their roles in collaborations.
 *
 * The guard checks either before the body is read. The answer streams as NDJSON: progress
 * lines while the file is parsed, checked and written, then one line with the report, so
 * the web app can show progress on large files.
 */
@Controller('api/imports')
export class ImportController {
  constructor(
    private readonly importer: IndicatorImporter,
    private readonly templates: ImportTemplateService,
    private readonly changes: DataChangeFeed,
  ) {}

  /**
   * `GET /api/imports/template?collaborationId=…&format=xlsx|csv&lang=sv|en`: an empty
   * import template; the workbook also lists the collaboration's indicator and area codes.
   * For those who may import there (the file is of no use to anyone else).
   */
  @Get('template')
  @Access.inCollaboration(Permission.IndicatorImport, { arg: 'collaborationId' })
  async template(
    @Query() query: Record<string, string | undefined>,
    @Tenant() tenant: TenantScope,
    @Res() response: Response,
  ) {
    const format = query['format'] ?? 'xlsx';
    const language = query['lang'] ?? 'sv';
    const problems = [
      ...(format === 'csv' || format === 'xlsx' ? [] : [{ field: 'format', message: 'must be csv or xlsx' }]),
      ...(language === 'sv' || language === 'en' ? [] : [{ field: 'lang', message: 'must be sv or en' }]),
    ];
    if (problems.length) throw badInput(problems);
    const file = await this.templates.file(tenant, format as TemplateFormat, language as 'sv' | 'en');
    response
      .status(200)
      .type(file.contentType)
      .setHeader('content-disposition', `attachment; filename="importmall.${format}"`)
      .setHeader('cache-control', 'no-store')
      .end(Buffer.from(file.bytes));
  }

  @Post()
  @HttpCode(200)
  @Access.inCollaboration(Permission.IndicatorImport, { arg: 'collaborationId' })
  @UseInterceptors(
    MultipartOnly,
    FileInterceptor('file', { limits: { fileSize: maxImportBytes(), files: 1 } }),
  )
  async uploadLocal(
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: Record<string, string | undefined>,
    @Tenant() tenant: TenantScope,
    @Res() response: Response,
  ) {
    await this.run(file, body, tenant.actor, tenant.collaborationId, response);
  }

  @Post('official')
  @HttpCode(200)
  @Access.platform(PlatformPermission.OfficialImport)
  @UseInterceptors(
    MultipartOnly,
    FileInterceptor('file', { limits: { fileSize: maxImportBytes(), files: 1 } }),
  )
  async uploadOfficial(
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: Record<string, string | undefined>,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ) {
    await this.run(file, body, { userId: principal.userId, subject: principal.subject }, null, response);
  }

  private async run(
    file: UploadedImportFile | undefined,
    body: Record<string, string | undefined>,
    actor: ImportRequest['actor'],
    collaborationId: string | null,
    response: Response,
  ) {
    const source = body['source']?.toUpperCase() as ImportSource | undefined;
    const afSeries = body['afSeries']?.toUpperCase();
    const problems = [
      ...(file ? [] : [{ field: 'file', message: 'choose a file to import' }]),
      ...(source && IMPORT_SOURCES.includes(source)
        ? collaborationId && source !== 'TEMPLATE'
          ? [
              {
                field: 'source',
                message: `a ${source.toLowerCase()} file holds official statistics: only a statistics steward imports it, at /api/imports/official`,
              },
            ]
          : []
        : [{ field: 'source', message: `must be one of ${IMPORT_SOURCES.join(', ').toLowerCase()}` }]),
      ...(afSeries && afSeries !== 'REG' && afSeries !== 'BAS'
        ? [{ field: 'afSeries', message: 'must be reg or bas' }]
        : []),
      ...(body['partial'] !== undefined && body['partial'] !== 'true' && body['partial'] !== 'false'
        ? [{ field: 'partial', message: 'must be true or false' }]
        : []),
      ...(body['publishedAt'] && !/^\d{4}-\d{2}-\d{2}$/.test(body['publishedAt'])
        ? [{ field: 'publishedAt', message: 'must be a date, YYYY-MM-DD' }]
        : []),
      ...(body['confirmationToken'] && !/^[0-9a-f]{64}$/.test(body['confirmationToken'])
        ? [{ field: 'confirmationToken', message: 'must be the confirmationToken of a dry run' }]
        : []),
    ];
    if (problems.length) throw badInput(problems);

    response.status(200).type('application/x-ndjson');
    const send = (line: object) => response.write(`${JSON.stringify(line)}\n`);
    let last = '';
    const report = await this.importer.import({
      bytes: new Uint8Array(file!.buffer.buffer, file!.buffer.byteOffset, file!.buffer.byteLength),
      fileName: file!.originalname,
      source: source!,
      afSeries: afSeries as 'REG' | 'BAS' | undefined,
      dryRun: body['dryRun'] !== 'false',
      partial: body['partial'] === 'true',
      publishedAt: body['publishedAt'] || null,
      maxBytes: maxImportBytes(),
      actor,
      collaborationId,
      confirmationToken: body['confirmationToken'] || null,
      onProgress: (stage, fraction) => {
        const key = `${stage}:${Math.floor(fraction * 20)}`;
        if (key !== last) send({ type: 'progress', stage, fraction: Math.round(fraction * 100) / 100 });
        last = key;
      },
    });
    // Committed: the cached reads of this process must not answer from before it (the
    // database's notification follows). A dry run wrote nothing.
    if (!report.dryRun) this.changes.changed();
    send({ type: 'report', report });
    response.end();
  }
}
