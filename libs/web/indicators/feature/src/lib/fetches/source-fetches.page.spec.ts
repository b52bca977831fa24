import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { IndicatorService, SourceFetch } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Subject, of } from 'rxjs';
import { SourceFetchesPage } from './source-fetches.page';

function fetch(id: string, overrides: Partial<SourceFetch> = {}): SourceFetch {
  return {
    id,
    source: 'KOLADA',
    subject: 'N00955',
    trigger: 'SCHEDULE',
    status: 'IMPORTED',
    startedAt: '2026-11-30T04:30:00Z',
    finishedAt: '2026-11-30T04:30:05Z',
    batchId: 'b1',
    inserted: 870,
    changed: 3,
    message: null,
    ...overrides,
  };
}

describe('SourceFetchesPage', () => {
  async function render(fetches: SourceFetch[], fetchSource = jest.fn()) {
    const service = { sourceFetches: jest.fn(() => of(fetches)), fetchSource };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter([]), provideNoopAnimations(), { provide: IndicatorService, useValue: service }],
    });
    const fixture = TestBed.createComponent(SourceFetchesPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, service, fixture };
  }
  const rows = (element: HTMLElement, testId: string) =>
    Array.from(element.querySelectorAll(`[data-testid="${testId}"] tbody tr`)).map((tr) =>
      Array.from(tr.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  it('shows the latest fetch of each key figure, a failure first with its error, status in words beside the icon', async () => {
    const { element } = await render([
      fetch('f3', { subject: 'N00956', status: 'NOTHING_NEW', inserted: 0, changed: 0, batchId: null }),
      fetch('f2', {
        subject: 'N00955',
        status: 'FAILED',
        inserted: 0,
        changed: 0,
        batchId: null,
        message: 'https://api.kolada.se/v3/data/kpi/N00955 failed 4 times; last: 503',
      }),
      fetch('f1', { subject: 'N00955', trigger: 'MANUAL' }),
    ]);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Hämtningar av officiell statistik');
    expect(rows(element, 'source-fetches-latest')).toEqual([
      [
        'Kolada N00955',
        '✖ Misslyckades',
        expect.any(String),
        '0',
        '0',
        'https://api.kolada.se/v3/data/kpi/N00955 failed 4 times; last: 503',
      ],
      ['Kolada N00956', '– Inget nytt', expect.any(String), '0', '0', ''],
    ]);
    // The icon is decoration: the words say it.
    expect(
      element.querySelector('[data-testid="source-fetches-latest"] td span')?.getAttribute('aria-hidden'),
    ).toBe('true');
    expect(rows(element, 'source-fetches-all').map((row) => row.slice(1))).toEqual([
      ['Kolada N00956', 'Schemat', '– Inget nytt', '0'],
      ['Kolada N00955', 'Schemat', '✖ Misslyckades', '0'],
      ['Kolada N00955', 'Manuellt', '✔ Nya värden importerade', '870'],
    ]);
  });

  it('says when nothing has been fetched yet, and how fetches start', async () => {
    const { element } = await render([]);
    expect(element.querySelector('[data-testid="source-fetches-empty"]')?.textContent).toContain(
      'fetch-sources',
    );
  });

  it('fetches a Kolada key figure from a year, says so while it runs, then tells the counts and refreshes the list', async () => {
    const answer = new Subject<SourceFetch>();
    const fetchSource = jest.fn(() => answer);
    const { element, service, fixture } = await render([], fetchSource);
    const field = (id: string) => element.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
    field('fetch-subject').value = 'n00955';
    field('fetch-subject').dispatchEvent(new Event('input'));
    field('fetch-from').value = '2015';
    field('fetch-from').dispatchEvent(new Event('input'));
    field('fetch-submit').click();
    await fixture.whenStable();
    expect(fetchSource).toHaveBeenCalledWith({ source: 'KOLADA', subject: 'N00955', from: 2015 });
    const status = element.querySelector('[data-testid="fetch-status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('Hämtar N00955 från Kolada');
    answer.next(fetch('f9', { trigger: 'MANUAL', inserted: 12, changed: 2 }));
    answer.complete();
    await fixture.whenStable();
    expect(status.textContent?.replace(/\s+/g, ' ')).toContain('Klart: 12 nya och 2 ändrade värden importerades.');
    expect(service.sourceFetches).toHaveBeenCalledTimes(2);
  });

  it('refuses an id Kolada does not use, at its field, and sends nothing', async () => {
    const fetchSource = jest.fn();
    const { element, fixture } = await render([], fetchSource);
    const subject = element.querySelector<HTMLInputElement>('[data-testid="fetch-subject"]')!;
    subject.value = 'inte-ett-id';
    subject.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="fetch-submit"]')!.click();
    await fixture.whenStable();
    expect(fetchSource).not.toHaveBeenCalled();
    expect(element.querySelector('mat-error')?.textContent).toContain('en bokstav och fem siffror');
  });

  it('tells a failed fetch with what to do, in words', async () => {
    const fetchSource = jest.fn(() =>
      of(fetch('f9', { source: 'SCB', subject: 'TAB1', status: 'FAILED', inserted: 0, changed: 0, message: 'define one first' })),
    );
    const { element, fixture } = await render([], fetchSource);
    const subject = element.querySelector<HTMLInputElement>('[data-testid="fetch-subject"]')!;
    subject.value = 'N00001';
    subject.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="fetch-submit"]')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="fetch-outcome"]')?.textContent).toContain(
      'Hämtningen misslyckades och inget sparades: define one first',
    );
  });
});
