import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuditLogService, CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of } from 'rxjs';
import { collaborationDetail } from '../../testing/fixtures';
import { AUDIT_PAGE_SIZE, AuditLogPage } from './audit-log.page';

const event = (id: string, action: string) => ({
  id,
  occurredAt: '2026-03-02T09:30:00.000Z',
  action,
  entityType: 'group',
  entityId: `g-${id}`,
  actorName: 'Sam Samordnarsson',
  actorEmail: 'samordnare@kraftsamling.example',
  before: null,
  after: '{"name":"Granskning"}',
});

describe('AuditLogPage', () => {
  async function render(totalCount = 2) {
    const auditLog = {
      page: jest.fn(() =>
        of({ totalCount, items: [event('1', 'group.created'), event('2', 'something.new')] }),
      ),
      export: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: {
            collaboration: jest.fn(() => of(collaborationDetail(['audit:read'], ['COORDINATOR']))),
          },
        },
        { provide: AuditLogService, useValue: auditLog },
      ],
    });
    const fixture = TestBed.createComponent(AuditLogPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, auditLog };
  }

  it('shows the events in a captioned table, names known events and keeps unknown codes', async () => {
    const { element } = await render();
    const table = element.querySelector('[data-testid="audit-table"]')!;
    expect(table.querySelector('caption')?.textContent).toContain('Familjen Helsingborg');
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => th.getAttribute('scope'))).toEqual(
      Array(5).fill('col'),
    );
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Grupp skapad');
    expect(rows[0]!.textContent).toContain('Sam Samordnarsson');
    expect(rows[1]!.textContent).toContain('something.new');
    expect(element.querySelector('[data-testid="audit-range"]')?.textContent).toContain(
      'Visar 1–2 av 2 händelser',
    );
  });

  it('asks for the first page again with the submitted filter, empty parts left out', async () => {
    const { fixture, auditLog } = await render();
    expect(auditLog.page).toHaveBeenLastCalledWith(expect.any(String), {}, 0, AUDIT_PAGE_SIZE);
    const page = fixture.componentInstance;
    page.form.setValue({ person: '  sam ', entityType: 'group', from: '2026-03-01', to: '' });
    page.applyFilter();
    await fixture.whenStable();
    expect(auditLog.page).toHaveBeenLastCalledWith(
      expect.any(String),
      { person: 'sam', entityType: 'group', from: '2026-03-01' },
      0,
      AUDIT_PAGE_SIZE,
    );
  });

  it('pages forward and back while there are more events', async () => {
    const { fixture, element, auditLog } = await render(120);
    const [previous, next] = Array.from(element.querySelectorAll<HTMLButtonElement>('nav button'));
    expect(previous!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);
    next!.click();
    await fixture.whenStable();
    expect(auditLog.page).toHaveBeenLastCalledWith(expect.any(String), {}, AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE);
  });
});
