import { auditExportUrl } from './audit-log.service';

describe('auditExportUrl', () => {
  it('puts the collaboration, format, language and the filled-in filter parts in the query string', () => {
    const url = auditExportUrl(
      'c-1',
      { person: 'Sam & Co', entityType: 'group', entityId: null, from: '2026-01-01', to: '' },
      'xlsx',
      'en',
    );
    const [path, query] = url.split('?');
    expect(path).toBe('/api/audit-events/export');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      collaborationId: 'c-1',
      format: 'xlsx',
      lang: 'en',
      person: 'Sam & Co',
      entityType: 'group',
      from: '2026-01-01',
    });
  });

  it('exports in Swedish for any language other than English', () => {
    expect(new URLSearchParams(auditExportUrl('c-1', {}, 'csv', 'de').split('?')[1]).get('lang')).toBe('sv');
  });
});
