import { Location } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationDetail, CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { ComparisonService, NORMALISATIONS } from '@kraftsamling/web/comparisons/data-access';
import { ComparisonChartComponent } from '@kraftsamling/web/comparisons/ui';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { Observable, of, throwError } from 'rxjs';
import { comparison, context } from '../../testing/fixtures';
import { ComparisonPage, MARK_DATA } from './comparison.page';

const FH = '/s/familjen-helsingborg/jamfor';

describe('ComparisonPage', () => {
  const marks: string[] = [];
  beforeAll(() => {
    // jsdom has no Performance marks: record the names the page marks.
    (performance as any).mark = (name: string) => marks.push(name);
    (performance as any).measure = () => undefined;
    // jsdom has no ResizeObserver; ngx-echarts needs one.
    (window as any).ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  async function open(url: string, answer: () => Observable<unknown> = () => of(comparison())) {
    const service = {
      context: jest.fn(() => of(context())),
      comparison: jest.fn(answer),
      similar: jest.fn(),
      peerSets: jest.fn(() => of([])),
    };
    const chart = {
      setOption: jest.fn(),
      isDisposed: () => false,
      dispose: jest.fn(),
      resize: jest.fn(),
      on: jest.fn(),
      off: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideNoopAnimations(),
        provideRouter([{ path: 's/:slug/jamfor', component: ComparisonPage }], withComponentInputBinding()),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() =>
            of({ id: 'c1', slug: 'familjen-helsingborg' } as CollaborationDetail),
          ),
        },
        { provide: ComparisonService, useValue: service },
      ],
    });
    TestBed.overrideComponent(ComparisonChartComponent, {
      set: { providers: [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: { init: () => chart } } }] },
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    harness.detectChanges();
    return { harness, element: harness.routeNativeElement as HTMLElement, service, chart };
  }

  const rowTexts = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('[data-testid="comparison-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td, th')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  it('asks for an indicator before it compares', async () => {
    const { element, service } = await open(FH);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Jämför med andra kommuner');
    expect(element.querySelector('[data-testid="comparison-incomplete"]')?.textContent?.trim()).toBe(
      'Välj ett nyckeltal att jämföra.',
    );
    expect(service.comparison).not.toHaveBeenCalled();
  });

  it('compares what the address says, ten years back unless a start is given', async () => {
    const { service } = await open(
      `${FH}?indicator=af.bas.utrk.unemployment_share&peers=county&county=12&rank=2025-02`,
    );
    expect(service.context).toHaveBeenCalledWith('familjen-helsingborg', 'c1');
    const input = (service.comparison.mock.calls[0] as unknown[])[0] as Record<string, unknown>;
    expect(input).toMatchObject({
      collaborationId: 'c1',
      indicatorCode: 'af.bas.utrk.unemployment_share',
      peers: { kind: 'COUNTY', countyCode: '12', peerSetId: null, areaCodes: null },
      normalisation: 'AS_PUBLISHED',
      rankPeriod: '2025-02',
      to: null,
    });
    expect(input['from']).toMatch(/^\d{4}-\d{2}$/);
  });

  it('tables every area by rank with the own municipality marked, ranges and missing values noted, then the references', async () => {
    const { element } = await open(`${FH}?indicator=af.bas.utrk.unemployment_share`);
    expect(element.querySelector('table caption')?.textContent?.trim()).toBe(
      'Andel arbetslösa utrikes födda kvinnor, medlemmarna i Familjen Helsingborg: Som publicerat, 4 kommuner',
    );
    expect(rowTexts(element)).toEqual([
      ['1', '2', 'Landskrona', '10,3', '10,1', ''],
      ['2', '4', 'Helsingborg (framhävd)', '15,5', '15,4', ''],
      ['', '', 'Perstorp', '3,2', '0,40–1,60 % *', 'Ej rangordnad: färre än 5, bara ett intervall'],
      ['', '', 'Bjuv', '12,5', '– †', 'Ej rangordnad: värde saknas'],
      ['', '', 'Gruppen totalt', '13,3', '12,90–13,20 % *', 'Summerade antal för 3 av 4 kommuner'],
      ['', '', 'Median', '12,5', '12,8', 'Median av de rangordnade värdena'],
    ]);
    expect(element.querySelector('.ks-focus-row th')?.textContent).toContain('Helsingborg');
    const chart = element.querySelector('ks-comparison-chart [role="img"]');
    expect(chart?.getAttribute('aria-label')).toContain('Helsingborg har rang 2 av 2.');
    expect(marks).toContain(MARK_DATA);
  });

  it('puts every change in the address, and starts an index at the first period shown', async () => {
    const { harness, service } = await open(`${FH}?indicator=af.bas.utrk.unemployment_share`);
    const page = harness.fixture.debugElement.query(
      (node) => node.componentInstance instanceof ComparisonPage,
    ).componentInstance as ComparisonPage;
    page.update({ normalisation: 'INDEX' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Location).path()).toBe(
      `${FH}?indicator=af.bas.utrk.unemployment_share&norm=index&base=2025-01`,
    );
    expect(service.comparison).toHaveBeenLastCalledWith(
      expect.objectContaining({ normalisation: 'INDEX', basePeriod: '2025-01' }),
    );
    // The view is not a new question: no new request.
    const calls = service.comparison.mock.calls.length;
    page.update({ view: 'table' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Location).path()).toContain('view=table');
    expect(service.comparison.mock.calls.length).toBe(calls);
  });

  it('does not offer per 1 000 or a share of another count for a ratio indicator', async () => {
    const { harness } = await open(`${FH}?indicator=af.bas.utrk.unemployment_share`);
    const page = harness.fixture.debugElement.query(
      (node) => node.componentInstance instanceof ComparisonPage,
    ).componentInstance as ComparisonPage;
    expect(NORMALISATIONS.filter((n) => page.normalisationAllowed(n))).toEqual([
      'AS_PUBLISHED',
      'INDEX',
      'CHANGE',
      'CHANGE_PERCENT',
    ]);
    expect(harness.routeNativeElement?.textContent).toContain('Nyckeltalet är redan en andel');
  });

  it('says what the API refused, in its words too', async () => {
    const refused = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              {
                field: 'input.basePeriod',
                message: '2019-01 has no values: choose a period from 2024-01 to 2025-12',
              },
            ],
          },
        },
      ],
    });
    const { element } = await open(
      `${FH}?indicator=af.bas.utrk.unemployment_share&norm=index&base=2019-01`,
      () => throwError(() => refused),
    );
    expect(element.textContent).toContain('Några uppgifter behöver rättas.');
    expect(element.querySelector('[data-testid="comparison-error-detail"]')?.textContent).toContain(
      '2019-01 has no values: choose a period from 2024-01 to 2025-12',
    );
  });
});
