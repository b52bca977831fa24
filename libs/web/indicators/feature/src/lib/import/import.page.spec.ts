import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import {
  ImportEvent,
  ImportReport,
  ImportRequest,
  ImportUploadService,
  httpFailure,
} from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { Subject, of } from 'rxjs';
import { COORDINATOR_PERMISSIONS, VIEWER_PERMISSIONS, collaboration, meStore } from '../../testing/fixtures';
import { ImportPage } from './import.page';

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    format: 'AF_WORKBOOK',
    dryRun: true,
    batchId: null,
    inserted: 120,
    changed: 3,
    unchanged: 0,
    problems: [],
    unmappedSeries: [],
    manualOverwrites: [],
    confirmationToken: null,
    ...overrides,
  };
}

describe('ImportPage', () => {
  /** By default a statistics steward who only reads in this collaboration: official statistics alone. */
  async function render(permissions = VIEWER_PERMISSIONS, platformPermissions = ['official:import']) {
    const runs: { request: ImportRequest; events: Subject<ImportEvent> }[] = [];
    const uploads = {
      upload: jest.fn((request: ImportRequest) => {
        const events = new Subject<ImportEvent>();
        runs.push({ request, events });
        return events.asObservable();
      }),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: { collaboration: () => of(collaboration(permissions, ['COORDINATOR'])) },
        },
        { provide: ImportUploadService, useValue: uploads },
        meStore(platformPermissions),
      ],
    });
    const fixture = TestBed.createComponent(ImportPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    const chooseSource = async (label: string) => {
      element.querySelector<HTMLElement>('[data-testid="import-source"]')?.click();
      await settle();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((option) => option.textContent?.trim() === label)
        ?.click();
      await settle();
    };
    const chooseFile = async (file: File) => {
      const input = element.querySelector<HTMLInputElement>('input[type="file"]')!;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await settle();
    };
    const button = (testId: string) => element.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!;
    return { fixture, element, uploads, runs, settle, chooseSource, chooseFile, button };
  }

  const workbook = new File(['x'.repeat(2048)], 'arbetslosa-bas-2024-09.xlsx');

  it('has a labelled, keyboard-usable file input inside the drop zone', async () => {
    const { element } = await render();
    const input = element.querySelector<HTMLInputElement>(
      '[data-testid="import-dropzone"] input[type="file"]',
    );
    expect(element.querySelector(`label[for="${input?.id}"]`)?.textContent?.trim()).toBe('Fil att importera');
    expect(input?.getAttribute('aria-describedby')).toContain('import-file-hint');
    expect(element.querySelector('#import-file-status')?.textContent?.trim()).toBe('Ingen fil är vald.');
  });

  it('asks for a source and a file before a dry run, and sends nothing', async () => {
    const { element, uploads, button, settle } = await render();
    button('import-dry-run').click();
    await settle();
    expect(uploads.upload).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Välj vilken källa filen kommer från.');
    expect(element.querySelector('#import-file-error')?.textContent?.trim()).toBe(
      'Välj en fil att importera.',
    );
    expect(element.querySelector('input[type="file"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers the employment agency series only for its workbooks, and sends the choice', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    await chooseSource('SCB – PxWeb (JSON-stat 2 eller JSON)');
    expect(element.querySelector('[data-testid="import-af-series"]')).toBeNull();
    await chooseSource('Arbetsförmedlingen – arbetslösa per kommun (Excel)');
    expect(element.querySelector('fieldset legend')?.textContent?.trim()).toBe(
      'Serie från Arbetsförmedlingen',
    );
    element.querySelector<HTMLInputElement>('input[type="radio"][value="bas"]')?.click();
    await chooseFile(workbook);
    button('import-dry-run').click();
    await settle();
    expect(runs[0].request).toEqual({
      // Official statistics belong to no collaboration.
      collaborationId: null,
      confirmationToken: null,
      source: 'af',
      afSeries: 'bas',
      partial: false,
      publishedAt: null,
      dryRun: true,
      file: workbook,
    });
  });

  it('lets a Kolada file be sent as knowingly partial, and says so when nothing in a file matches the catalogue', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    expect(element.querySelector('[data-testid="import-partial"]')).toBeNull();
    await chooseSource('Kolada (JSON)');
    const partial = element.querySelector<HTMLInputElement>(
      '[data-testid="import-partial"] input[type="checkbox"]',
    )!;
    expect(partial.getAttribute('aria-describedby')).toContain('import-partial-hint');
    partial.click();
    const page = new File(['{}'], 'kolada-sida-2.json');
    await chooseFile(page);
    button('import-dry-run').click();
    await settle();
    expect(runs[0].request).toMatchObject({ source: 'kolada', partial: true });

    runs[0].events.next({
      type: 'report',
      report: report({
        format: 'KOLADA',
        inserted: 0,
        changed: 0,
        unmappedSeries: [{ series: 'KOLADA|N00053|T', values: 1 }],
        nothingMatched: { series: 1, examples: ['KOLADA|N00053|T'], message: 'nothing in this file matches' },
      }),
    });
    runs[0].events.complete();
    await settle();
    const said = element.querySelector('[data-testid="import-nothing-matched"]');
    expect(said?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Inget i filen matchar katalogen. Serier i filen: 1, till exempel KOLADA|N00053|T. Inget nyckeltal läser dem, så inget har sparats. Kontrollera att du har valt rätt källa och serie, eller be en statistikansvarig att lägga till nyckeltalet.',
    );
    // Not the message of a file with nothing new in it.
    expect(element.querySelector('[data-testid="import-clean"]')).toBeNull();
  });

  it('reports a Kolada key-figure list as what it loads into the catalogue', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    await chooseSource('Kolada (JSON)');
    await chooseFile(new File(['[]'], 'kpi.json'));
    button('import-dry-run').click();
    await settle();
    runs[0].events.next({
      type: 'report',
      report: report({
        format: 'KOLADA',
        inserted: 0,
        changed: 0,
        catalogue: { added: 232, updated: 0, unchanged: 0, curated: 1 },
      }),
    });
    runs[0].events.complete();
    await settle();
    expect(
      element.querySelector('[data-testid="import-catalogue"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toBe(
      'Provkörning av nyckeltalskatalogen: 232 nyckeltal skulle läggas till och 0 uppdateras, 0 är oförändrade; 1 som katalogen redan beskriver behålls.',
    );
  });

  it('shows the streamed progress in a live region and a determinate bar', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    await chooseSource('Kolada (JSON)');
    await chooseFile(workbook);
    button('import-dry-run').click();
    await settle();
    expect(element.querySelector('#import-progress-text')?.textContent?.trim()).toBe('Skickar filen …');

    runs[0].events.next({ type: 'progress', stage: 'parsing', fraction: 0.43 });
    await settle();
    const text = element.querySelector('#import-progress-text');
    expect(text?.getAttribute('aria-live')).toBe('polite');
    expect(text?.textContent?.trim()).toBe('Läser filen … 40 %');
    const bar = element.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-valuenow')).toBe('43');
    expect(bar?.getAttribute('mode')).toBe('determinate');
  });

  it('lists every problem of a dry run with where it is, and keeps "Importera" disabled', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    await chooseSource('Arbetsförmedlingen – arbetslösa per kommun (Excel)');
    await chooseFile(workbook);
    button('import-dry-run').click();
    await settle();
    runs[0].events.next({
      type: 'report',
      report: report({
        problems: [
          { location: { sheet: 'Data', cell: 'C12', row: 12 }, message: 'unknown municipality "Malmo"' },
          { location: {}, message: 'the file holds no values for 2024-10' },
        ],
        unmappedSeries: [{ series: 'XYZSOK', values: 96 }],
      }),
    });
    runs[0].events.complete();
    await settle();

    const rows = Array.from(element.querySelectorAll('[data-testid="import-problems"] tbody tr')).map((tr) =>
      Array.from(tr.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['blad Data, cell C12', 'unknown municipality "Malmo"'],
      ['Hela filen', 'the file holds no values for 2024-10'],
    ]);
    expect(element.textContent).toContain('Fel i filen (2)');
    expect(element.querySelector('[data-testid="import-unmapped"] tbody')?.textContent).toContain('XYZSOK');
    expect(button('import-commit').disabled).toBe(true);
  });

  it('enables "Importera" only after a clean dry run of the same file, then imports and reports the batch', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    await chooseSource('Arbetsförmedlingen – arbetslösa per kommun (Excel)');
    await chooseFile(workbook);
    expect(button('import-commit').disabled).toBe(true);
    expect(element.querySelector('#import-commit-hint')?.textContent).toContain('Provkör filen först');

    button('import-dry-run').click();
    await settle();
    runs[0].events.next({ type: 'report', report: report() });
    runs[0].events.complete();
    await settle();
    expect(element.querySelector('[data-testid="import-clean"]')?.textContent).toContain('Inga fel hittades');
    expect(button('import-commit').disabled).toBe(false);

    button('import-commit').click();
    await settle();
    expect(runs[1].request.dryRun).toBe(false);
    expect(runs[1].request.file).toBe(workbook);
    runs[1].events.next({ type: 'progress', stage: 'writing', fraction: 0.9 });
    runs[1].events.next({
      type: 'report',
      report: report({ dryRun: false, batchId: '9c1f0a2b-1111-4000-8000-000000000001' }),
    });
    runs[1].events.complete();
    await settle();
    expect(element.querySelector('[data-testid="import-success"]')?.textContent?.trim()).toBe(
      'Importen är klar (import 9c1f0a2b). Nya värden: 120, ändrade: 3, oförändrade: 0.',
    );
    expect(button('import-commit').disabled).toBe(true);
  });

  it('offers a coordinator without the steward role only the collaboration’s own figures (the template)', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render(
      COORDINATOR_PERMISSIONS,
      [],
    );
    expect(element.querySelector('[data-testid="import-target"]')).toBeNull();
    element.querySelector<HTMLElement>('[data-testid="import-source"]')?.click();
    await settle();
    expect(Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim())).toEqual([
      'Mall för egna värden (CSV eller Excel)',
    ]);
    await chooseSource('Mall för egna värden (CSV eller Excel)');
    await chooseFile(new File(['indicator_code;area_code;period;value\n'], 'egna.csv'));
    button('import-dry-run').click();
    await settle();
    expect(runs[0].request).toMatchObject({ collaborationId: 'c1', source: 'template' });
  });

  it('lists the values entered by hand a dry run would change, and imports only once they are confirmed', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render(
      COORDINATOR_PERMISSIONS,
      [],
    );
    await chooseSource('Mall för egna värden (CSV eller Excel)');
    await chooseFile(new File(['indicator_code;area_code;period;value\n'], 'egna.csv'));
    button('import-dry-run').click();
    await settle();
    const token = 'a'.repeat(64);
    runs[0].events.next({
      type: 'report',
      report: report({
        manualOverwrites: [
          {
            indicatorCode: 'jobbspar.deltagare',
            indicatorNameSv: 'Deltagare i jobbspår',
            indicatorNameEn: 'Participants in job tracks',
            areaCode: '1283',
            areaName: 'Helsingborg',
            period: '2024-09',
            value: 12,
            newValue: 14.5,
            enteredBy: 'Exempel Redaktör',
            enteredAt: '2024-10-01T08:00:00Z',
          },
        ],
        confirmationToken: token,
      }),
    });
    runs[0].events.complete();
    await settle();
    const rows = Array.from(element.querySelectorAll('[data-testid="import-manual-overwrites"] tbody tr'));
    expect(rows.map((row) => Array.from(row.children).map((cell) => cell.textContent?.trim()))).toEqual([
      ['Deltagare i jobbspår', 'Helsingborg', 'september 2024', '12', '14,5', 'Exempel Redaktör'],
    ]);
    expect(button('import-commit').disabled).toBe(true);
    expect(element.querySelector('#import-commit-hint')?.textContent).toContain('Bekräfta');

    element.querySelector<HTMLInputElement>('[data-testid="import-confirm-overwrite"] input')?.click();
    await settle();
    expect(button('import-commit').disabled).toBe(false);
    button('import-commit').click();
    await settle();
    expect(runs[1].request).toMatchObject({ dryRun: false, confirmationToken: token });
  });

  it('asks for a new dry run when the file changes after a clean one', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    await chooseSource('Kolada (JSON)');
    await chooseFile(workbook);
    button('import-dry-run').click();
    await settle();
    runs[0].events.next({ type: 'report', report: report() });
    runs[0].events.complete();
    await settle();
    expect(button('import-commit').disabled).toBe(false);

    await chooseFile(new File(['{}'], 'kolada.json'));
    expect(button('import-commit').disabled).toBe(true);
    expect(element.querySelector('#import-commit-hint')?.textContent).toContain('Provkör igen');
  });

  it('says what to do when the server refuses the file, with its message', async () => {
    const { element, chooseSource, chooseFile, button, runs, settle } = await render();
    await chooseSource('Kolada (JSON)');
    await chooseFile(workbook);
    button('import-dry-run').click();
    await settle();
    runs[0].events.error(httpFailure(413, { code: 'PAYLOAD_TOO_LARGE', message: 'File too large' }));
    await settle();
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Filen är för stor för att tas emot');
    expect(alert?.textContent).toContain('Meddelande från servern: File too large');
    expect(element.querySelector('mat-progress-bar')).toBeNull();
  });
});
