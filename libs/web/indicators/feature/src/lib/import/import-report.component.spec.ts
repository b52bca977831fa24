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
});
