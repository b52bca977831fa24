import { Injectable, InjectionToken, inject } from '@angular/core';
import { AuthSession } from '@kraftsamling/web/shared/auth';
import { AuditEventFilter, AuditEventsQuery } from '@kraftsamling/web/shared/graphql';
import { AuditEventsGQL } from '@kraftsamling/web/shared/graphql/collaborations';
import { Observable, map } from 'rxjs';

export type AuditEventRow = AuditEventsQuery['auditEvents']['items'][number];
export interface AuditEventPage {
  items: AuditEventRow[];
  totalCount: number;
}
export type AuditExportFormat = 'csv' | 'xlsx';

/** The kinds of things the audit log records, as the API names them (entity types). */
export const AUDIT_ENTITY_TYPES = [
  'membership',
  'group',
  'organization',
  'indicator',
  'import_batch',
] as const;

/** `fetch`, replaceable in tests. */
export const AUDIT_EXPORT_FETCH = new InjectionToken<typeof fetch>('AUDIT_EXPORT_FETCH', {
  providedIn: 'root',
  factory: () => (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
});

/** The export address: the collaboration and the filter in the query string, empty parts left out. */
export function auditExportUrl(
  collaborationId: string,
  filter: AuditEventFilter,
  format: AuditExportFormat,
  lang: string,
): string {
  const params = new URLSearchParams({ collaborationId, format, lang: lang === 'en' ? 'en' : 'sv' });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return `/api/audit-events/export?${params}`;
}

/** Reads one collaboration's audit log (permission audit:read; the API enforces it). */
@Injectable({ providedIn: 'root' })
export class AuditLogService {
  private readonly query = inject(AuditEventsGQL);
  private readonly auth = inject(AuthSession);
  private readonly fetchFn = inject(AUDIT_EXPORT_FETCH);

  page(
    collaborationId: string,
    filter: AuditEventFilter,
    offset: number,
    limit: number,
  ): Observable<AuditEventPage> {
    return this.query
      .fetch({ variables: { collaborationId, filter, offset, limit }, fetchPolicy: 'no-cache' })
      .pipe(
        map((result) => {
          if (!result.data?.auditEvents) throw new Error('The API answered without data');
          return result.data.auditEvents;
        }),
      );
  }

  /**
   * The filtered log as a file, with the file name the server chose. An HTTP download
   * rather than a link: the request must carry the access token.
   */
  async export(
    collaborationId: string,
    filter: AuditEventFilter,
    format: AuditExportFormat,
    lang: string,
  ): Promise<{ blob: Blob; fileName: string }> {
    const token = await this.auth.accessToken();
    const response = await this.fetchFn(auditExportUrl(collaborationId, filter, format, lang), {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `audit-log.${format}`;
    return { blob: await response.blob(), fileName };
  }
}
