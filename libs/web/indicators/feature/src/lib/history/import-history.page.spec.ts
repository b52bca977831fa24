import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { ImportBatch, IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { COORDINATOR_PERMISSIONS, collaboration, meStore } from '../../testing/fixtures';
import { ImportHistoryPage } from './import-history.page';

function batch(id: string, overrides: Partial<ImportBatch> = {}): ImportBatch {
  return {
    id,
    source: 'TEMPLATE',
    format: 'TEMPLATE_CSV',
    fileName: 'jobbspar-2024-09.csv',
    fileSha256: '3f786850e387550fdab836ed7e6dc881de23001b8e1a2f1c4ab5b1c8f6a3b7c1',
    fileSize: 1_572_864,
    publishedAt: '2024-10-15',
    inserted: 120,
    changed: 3,
    unchanged: 5,
    status: 'COMMITTED',
    importedBy: { id: 'u1', name: 'Exempel Analytiker' },
    importedAt: '2024-10-16T08:30:00Z',
    undoneAt: null,
    collaborationId: 'c1',
    changes: null,
    ...overrides,
  };
}

const BATCHES = [
  batch('b2222222-0000-4000-8000-000000000002'),
  batch('b1111111-0000-4000-8000-000000000001', {
    status: 'UNDONE',
    undoneAt: '2024-10-16T09:00:00Z',
    fileName: null,
    fileSize: null,
    source: 'LOCAL',
    format: 'MANUAL',
  }),
];

describe('ImportHistoryPage', () => {
  async function render(
    undo = jest.fn(() => of(BATCHES[0])),
    batches = BATCHES,
    platformPermissions: string[] = [],
    importBatches: jest.Mock = jest.fn(() => of(batches)),
  ) {
    const service = {
      importBatches,
      undoImport: undo,
      undoOfficialImport: jest.fn(() => of(batches[0])),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: { collaboration: () => of(collaboration(COORDINATOR_PERMISSIONS, ['COORDINATOR'])) },
        },
        { provide: IndicatorService, useValue: service },
        meStore(platformPermissions),
      ],
    });
    const fixture = TestBed.createComponent(ImportHistoryPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    return { fixture, element: fixture.nativeElement as HTMLElement, service, settle };
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('lists each batch with when, who, file and its hash, source, counts and status', async () => {
    const { element, service } = await render();
    // One more than a page, to know whether there is a next one.
    expect(service.importBatches).toHaveBeenCalledWith('c1', 101, 0);
    const rows = Array.from(element.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows[0].slice(1, 9)).toEqual([
      'Exempel Analytiker',
      // no internal id; the hash is a line of its own under the file name
      'jobbspar-2024-09.csv (1,5 MiB) SHA-256 3f786850e387…',
      'Importmall (CSV)',
      '120',
      '3',
      '5',
      // a file tells its counts, not what it changed value by value
      '',
      'Gäller',
    ]);
    expect(rows[0][0]).toMatch(/2024/);
    expect(rows[1][2]).toBe('Registrerade för hand');
    expect(rows[1][8]).toMatch(/^Ångrad /);
  });

  it('says what an entry by hand changed: indicator, municipality, period, old and new value', async () => {
    const change = {
      indicatorCode: 'jobbspar.deltagare',
      indicatorNameSv: 'Deltagare i jobbspår',
      indicatorNameEn: 'Participants in job tracks',
      areaCode: '1283',
      areaName: 'Helsingborg',
    };
    const manual = batch('b5555555-0000-4000-8000-000000000005', {
      source: 'LOCAL',
      format: 'MANUAL',
      fileName: null,
      inserted: 2,
      changed: 1,
      changes: [
        { ...change, period: '2024-03', hadValue: true, oldValue: 3, newValue: 4.5 },
        { ...change, period: '2024-04', hadValue: false, oldValue: null, newValue: 6 },
      ],
    });
    const { element } = await render(undefined, [manual]);
    const items = Array.from(element.querySelectorAll('[data-testid="batch-changes"] li')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual([
      // the arrow is for the eye; screen readers hear it in words
      'Deltagare i jobbspår, Helsingborg, mars 2024: 3 → 4,5ändrat från 3 till 4,5',
      'Deltagare i jobbspår, Helsingborg, april 2024: nytt värde 6',
      // three values changed, two listed
      'och 1 till',
    ]);
    const hidden = element.querySelector('[data-testid="batch-changes"] li [aria-hidden="true"]');
    expect(hidden?.textContent).toBe('3 → 4,5');
    expect(element.textContent).not.toContain('MANUAL');
    // The source and format column says it in words, without "Egna värden, inmatat för hand".
    expect(element.querySelectorAll('tbody tr td')[2]?.textContent?.trim()).toBe('Inmatat för hand');
  });

  it('shows the history a page at a time: "show more" loads the next page and moves the focus to it', async () => {
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        batch(`b${String(from + i).padStart(7, '0')}-0000-4000-8000-000000000000`),
      );
    const service = jest.fn((_c: string, _limit: number, offset: number) =>
      of(offset === 0 ? page(0, 101) : page(100, 3)),
    );
    const { element: again, settle } = await render(undefined, [], [], service);
    expect(again.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(again.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Visar 100 importer och registreringar.',
    );
    again.querySelector<HTMLButtonElement>('[data-testid="history-more"]')?.click();
    await settle();
    await new Promise((resolve) => setTimeout(resolve));
    expect(service).toHaveBeenLastCalledWith('c1', 101, 100);
    expect(again.querySelectorAll('tbody tr')).toHaveLength(103);
    expect(document.activeElement).toBe(again.querySelectorAll('tbody tr')[100].querySelector('th'));
    expect(again.querySelector('[data-testid="history-more"]')).toBeNull();
  });

  it('offers undo only for batches in effect, named for screen readers', async () => {
    const { element } = await render();
    const buttons = element.querySelectorAll('tbody button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].getAttribute('aria-label')).toMatch(/^Ångra importen jobbspar-2024-09\.csv från /);
  });

  it('names the source of an official batch, and offers its undo only to a statistics steward', async () => {
    const official = [
      batch('b4444444-0000-4000-8000-000000000004', {
        source: 'AF',
        format: 'AF_WORKBOOK',
        collaborationId: null,
        importedBy: null,
      }),
    ];
    const coordinator = await render(undefined, official);
    expect(coordinator.element.querySelector('tbody td')?.textContent).toBe(
      'Arbetsförmedlingen (officiell statistik)',
    );
    expect(coordinator.element.querySelectorAll('tbody button')).toHaveLength(0);
    expect(coordinator.element.querySelector('[data-testid="source-fetches-link"]')).toBeNull();
    TestBed.resetTestingModule();

    const steward = await render(undefined, official, ['official:import']);
    // A steward also finds the fetches of official statistics from here.
    expect(steward.element.querySelector('[data-testid="source-fetches-link"]')?.textContent?.trim()).toBe(
      'Hämtningar från källornas gränssnitt',
    );
    steward.element.querySelector<HTMLButtonElement>('tbody button')?.click();
    await steward.settle();
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
    await steward.settle();
    expect(steward.service.undoOfficialImport).toHaveBeenCalledWith('b4444444-0000-4000-8000-000000000004');
    expect(steward.service.undoImport).not.toHaveBeenCalled();
  });

  it('undoes a batch only after confirmation, then reloads the history', async () => {
    const undo = jest.fn(() => of(BATCHES[0]));
    const { element, service, settle } = await render(undo);
    element.querySelector<HTMLButtonElement>('tbody button')?.click();
    await settle();
    expect(document.querySelector('[role="alertdialog"]')?.textContent).toContain('Ångra importen?');
    expect(undo).not.toHaveBeenCalled();

    document.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
    await settle();
    expect(undo).toHaveBeenCalledWith({
      collaborationId: 'c1',
      batchId: 'b2222222-0000-4000-8000-000000000002',
    });
    expect(service.importBatches).toHaveBeenCalledTimes(2);
  });

  it("explains a conflict: undo the later import first, with the API's own message", async () => {
    const conflict = new CombinedGraphQLErrors({ data: null }, [
      {
        message: 'A later import (b3333333) changed these values; undo it first.',
        extensions: { code: 'CONFLICT' },
      },
    ]);
    const { element, settle } = await render(jest.fn(() => throwError(() => conflict)));
    element.querySelector<HTMLButtonElement>('tbody button')?.click();
    await settle();
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
    await settle();

    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(
      'Importen kan inte ångras eftersom en senare import har ändrat samma värden. Ångra den senare importen först',
    );
    expect(alert?.textContent).toContain('A later import (b3333333) changed these values; undo it first.');
  });
});
