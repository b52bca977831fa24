import { TestBed } from '@angular/core/testing';
import { ImportReport } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { ImportReportComponent, PROBLEMS_SHOWN_FIRST } from './import-report.component';

describe('ImportReportComponent', () => {
  async function render(report: ImportReport) {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    const fixture = TestBed.createComponent(ImportReportComponent);
    fixture.componentRef.setInput('report', report);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const problems = Array.from({ length: 150 }, (_, i) => ({
    location: { sheet: 'Data', row: i + 2 },
    message: `"-${i}" is negative: counts cannot be`,
  }));

  it('shows the counts with thousands separated', async () => {
    const { element } = await render({
      format: 'AF_WORKBOOK',
      dryRun: true,
      batchId: null,
      inserted: 31250,
      changed: 3,
      unchanged: 0,
      problems: [],
      unmappedSeries: [],
      manualOverwrites: [],
      confirmationToken: null,
    });
    const counts = Array.from(element.querySelectorAll('dl > div')).map(
      (pair) =>
        `${pair.querySelector('dt')?.textContent?.trim()}: ${pair.querySelector('dd')?.textContent?.trim()}`,
    );
    expect(counts).toEqual([
      'Nya värden: 31\u00a0250',
      'Ändrade värden: 3',
      'Oförändrade värden: 0',
      'Format: Arbetsförmedlingens arbetsbok (Excel)',
    ]);
  });

  it('shows the first problems and every one of them on request', async () => {
    const { element, fixture } = await render({
      format: 'AF_WORKBOOK',
      dryRun: true,
      batchId: null,
      inserted: 0,
      changed: 0,
      unchanged: 0,
      problems,
      unmappedSeries: [],
      manualOverwrites: [],
      confirmationToken: null,
    });
    const rows = () => element.querySelectorAll('tbody tr');
    expect(rows()).toHaveLength(PROBLEMS_SHOWN_FIRST);
    expect(rows()[0].querySelector('th')?.textContent?.trim()).toBe('blad Data, rad 2');
    const showAll = element.querySelector<HTMLButtonElement>('section button');
    expect(showAll?.textContent?.trim()).toBe('Visa alla 150 fel');

    showAll?.click();
    await fixture.whenStable();
    expect(rows()).toHaveLength(150);
    expect(element.querySelector('section button')).toBeNull();
  });

  it('says each problem in the user’s language from its code, where in the file it is, and the API’s English only for an unknown code', async () => {
    const report = (problems: ImportReport['problems']): ImportReport => ({
      format: 'TEMPLATE_CSV',
      dryRun: true,
      batchId: null,
      inserted: 0,
      changed: 0,
      unchanged: 0,
      problems,
      unmappedSeries: [],
      manualOverwrites: [],
      confirmationToken: null,
    });
    const problems: ImportReport['problems'] = [
      {
        location: { row: 6 },
        message:
          'area code 9999 (row 6) is not a Swedish municipality, a county (00NN) or the whole country (0000)',
        code: 'UNKNOWN_AREA',
        params: { area: '9999', more: 0 },
      },
      {
        location: { row: 7, column: 'C', cell: 'C7' },
        message: 'row 7: 2024-05 is not a year (indicator jobbspar.deltagare)',
        code: 'PERIOD_NOT_OF_INDICATOR',
        params: { period: '2024-05', indicator: 'jobbspar.deltagare', periodicity: 'YEAR' },
      },
      { location: {}, message: 'something this version has no words for', code: 'SOMETHING_NEW' },
    ];
    const { element } = await render(report(problems));
    const rows = Array.from(element.querySelectorAll('[data-testid="import-problems"] tbody tr')).map(
      (tr) => [
        tr.querySelector('th')?.textContent?.trim(),
        tr.querySelector('td')?.textContent?.trim(),
        tr.querySelector('td')?.getAttribute('lang'),
      ],
    );
    expect(rows).toEqual([
      [
        'rad 6',
        'Områdeskoden 9999 är ingen svensk kommun, inget län (00NN) och inte hela riket (0000).',
        null,
      ],
      ['cell C7', '2024-05 passar inte nyckeltalet jobbspar.deltagare, som har ett värde per år.', null],
      ['Hela filen', 'something this version has no words for', 'en'],
    ]);
    TestBed.resetTestingModule();
    const english = await (async () => {
      TestBed.configureTestingModule({ imports: [translocoTesting('en')] });
      const fixture = TestBed.createComponent(ImportReportComponent);
      fixture.componentRef.setInput(
        'report',
        report([{ ...problems[0], location: { row: 6 }, params: { area: '9999', more: 2 } }]),
      );
      await fixture.whenStable();
      return fixture.nativeElement as HTMLElement;
    })();
    expect(english.querySelector('[data-testid="import-problems"] tbody td')?.textContent?.trim()).toBe(
      'Area code 9999 is not a Swedish municipality, a county (00NN) or the whole country (0000). It appears in 2 more places.',
    );
  });
});
