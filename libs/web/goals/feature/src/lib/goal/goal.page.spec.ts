import { ActionService } from '@kraftsamling/web/actions/data-access';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { GoalService } from '@kraftsamling/web/goals/data-access';
import { GoalChartComponent } from '@kraftsamling/web/goals/ui';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { of } from 'rxjs';
import {
  DECISIONS,
  STEERING_PERMISSIONS,
  UNEMPLOYED,
  VIEWER_PERMISSIONS,
  collaboration,
  goalDetail,
  records,
} from '../../testing/fixtures';
import { GoalPage } from './goal.page';

describe('GoalPage', () => {
  beforeAll(() => {
    // jsdom has no ResizeObserver; ngx-echarts needs one.
    (window as any).ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  async function render(permissions = VIEWER_PERMISSIONS, goal = goalDetail()) {
    const service = {
      goal: jest.fn(() => of(goal)),
      records: jest.fn(() => of(records())),
      decisions: jest.fn(() => of(DECISIONS)),
      addCheckIn: jest.fn(() => of(records().checkIns[0])),
      setStatus: jest.fn(() => of(goal)),
      activate: jest.fn(() => of(goal)),
      rebaseline: jest.fn(() => of(goal)),
      baselinePreview: jest.fn(() =>
        of(
          records().members.map((member, i) => ({
            ...member,
            baselineFrozenAt: null,
            baselinePublishedAt: null,
            // Landskrona has no value at the baseline period.
            baseline: i === 1 ? null : member.baseline,
          })),
        ),
      ),
    };
    const chart = { setOption: jest.fn(), isDisposed: () => false, dispose: jest.fn(), resize: jest.fn() };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        provideNoopAnimations(),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() => of(collaboration(permissions))),
        },
        { provide: GoalService, useValue: service },
        { provide: IndicatorService, useValue: { indicators: () => of([UNEMPLOYED]) } },
        {
          provide: ActionService,
          useValue: {
            forGoal: jest.fn(() =>
              of([
                {
                  id: 'a1',
                  title: 'Jobbspår vård och omsorg',
                  groupName: 'Arbetsmarknad',
                  type: { id: 't1', code: 'JOB_TRACK', name: 'Jobbspår', builtIn: true },
                  status: 'ONGOING',
                  totals: { participants: 24, employed: 9 },
                },
              ]),
            ),
          },
        },
      ],
    });
    TestBed.overrideComponent(GoalChartComponent, {
      set: { providers: [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: { init: () => chart } } }] },
    });
    const fixture = TestBed.createComponent(GoalPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    fixture.componentRef.setInput('goalId', 'goal-1');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, service };
  }

  const text = (element: Element | null | undefined) =>
    element?.textContent
      ?.replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const cells = (row: Element | null) => Array.from(row?.querySelectorAll('th, td') ?? []).map(text);

  it('says what the goal is: target group, indicator, target, periods, contributing groups', async () => {
    const { element, service } = await render();
    expect(service.goal).toHaveBeenCalledWith('c1', 'goal-1');
    expect(text(element.querySelector('h1'))).toBe('Halvera arbetslösheten bland utrikes födda kvinnor');
    expect(text(element.querySelector('[data-testid="goal-state"]'))).toBe('Aktivt');
    expect(text(element.querySelector('[data-testid="goal-target"]'))).toBe(
      '−50 % från varje kommuns utgångsläge',
    );
    expect(text(element.querySelector('[data-testid="goal-groups"]'))).toBe('Arbetsmarknad');
    expect(text(element.querySelector('[data-testid="goal-thresholds"]'))).toBe(
      'I fas från −5 %, riskerar från −20 % av den planerade förändringen',
    );
    expect(text(element.querySelector('[data-testid="summary-baseline"]'))).toBe('341–344');
  });

  it("tables every member's figures, flags a <5 baseline, and keeps the collaboration's row last", async () => {
    const { element } = await render();
    const table = element.querySelector('[data-testid="goal-table"]')!;
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    expect(rows.map((row) => row.getAttribute('data-area'))).toEqual(['1283', '1282', '1275']);
    expect(cells(rows[0]!)).toEqual([
      'Helsingborg',
      '240',
      '200 september 2026',
      '−40',
      '−17 %',
      '120',
      '180',
      '33 %',
      'Riskerar',
      '',
    ]);
    expect(cells(rows[2]!).slice(1, 2)).toEqual(['<5']);
    expect(text(rows[2]!.querySelector('[data-flag="BOUNDED_BASELINE"]'))).toBe('Osäkert utgångsläge (<5)');
    expect(cells(table.querySelector('tfoot tr'))[0]).toBe('Samverkan totalt (3 kommuner med värde)');
  });

  it('sorts the members by a column header, the collaboration staying last', async () => {
    const { element, fixture } = await render();
    const header = Array.from(element.querySelectorAll('thead th')).find(
      (th) => text(th) === 'Senaste värde',
    );
    (header?.querySelector('.mat-sort-header-container') as HTMLElement | null)?.click();
    await fixture.whenStable();
    expect(
      Array.from(element.querySelectorAll('[data-testid="goal-table"] tbody tr')).map((row) =>
        row.getAttribute('data-area'),
      ),
    ).toEqual(['1275', '1282', '1283']);
    expect(header?.getAttribute('aria-sort')).toBe('ascending');
    expect(element.querySelector('[data-testid="goal-table"] tfoot tr')?.getAttribute('data-area')).toBe(
      'collaboration',
    );
  });

  it('draws a small chart for the collaboration and each member, each named and with its table', async () => {
    const { element } = await render();
    const charts = Array.from(element.querySelectorAll('ks-goal-chart'));
    expect(charts).toHaveLength(4);
    const helsingborg = charts[1]!;
    expect(
      helsingborg
        .querySelector('[role="img"]')
        ?.getAttribute('aria-label')
        ?.replace(/\u00a0/g, ' '),
    ).toBe(
      'Diagram för Helsingborg: utgångsläge 240 (september 2025), senaste värde 200 (september 2026), ' +
        'målvärde 120 (september 2027), prognos 160. Samma uppgifter finns i tabellen under diagrammet.',
    );
    const september = Array.from(helsingborg.querySelectorAll('tbody tr')).find(
      (row) => text(row.querySelector('th')) === 'september 2026',
    );
    expect(cells(september ?? null)).toEqual(['september 2026', '200', '180']);
  });

  it('names the lines once above the charts, in a key that wraps, not in each chart', async () => {
    const { element } = await render();
    const key = element.querySelector('ks-goal-chart-key [role="list"]');
    expect(key?.getAttribute('aria-label')).toBe('Förklaring till linjerna');
    expect(Array.from(key?.querySelectorAll('li') ?? []).map((entry) => text(entry))).toEqual([
      'Utfall',
      'Utgångsläge',
      'Målvärde',
      'Förväntat',
      'Prognos',
    ]);
    expect(element.querySelectorAll('ks-goal-chart-key')).toHaveLength(1);
  });

  it('lists check-ins, the baseline history with its reasons and the decisions, an overdue one marked in words', async () => {
    const { element } = await render();
    const checkIn = element.querySelector('[data-testid="check-ins"] li');
    expect(text(checkIn?.querySelector('.ks-check-in__head .ks-strong'))).toBe('2026-09-20');
    expect(text(checkIn?.querySelector('ks-goal-status'))).toBe('Riskerar');
    expect(text(checkIn)).toContain('Nästa steg: Arbetsmarknadsgruppen tar fram förslag.');
    const history = Array.from(element.querySelectorAll('[data-testid="baseline-history"] tbody tr'));
    expect(cells(history[0]!).slice(1)).toEqual([
      'Helsingborg',
      'Omräknat (september 2025)',
      '236 → 240',
      'Rättade septembersiffror',
    ]);
    // Wider than a phone: it scrolls in a region the keyboard can reach, named by its caption.
    const historyRegion = element.querySelector('[data-testid="baseline-history"]')?.parentElement;
    expect(historyRegion?.getAttribute('role')).toBe('region');
    expect(historyRegion?.getAttribute('tabindex')).toBe('0');
    expect(text(element.querySelector(`#${historyRegion?.getAttribute('aria-labelledby')}`))).not.toBe('');
    const decisions = Array.from(element.querySelectorAll('[data-testid="goal-decisions"] li'));
    expect(text(decisions[0]!.querySelector('[data-testid="decision-overdue"]'))).toBe('⚠ Försenat');
    expect(decisions[1]!.querySelector('[data-testid="decision-overdue"]')).toBeNull();
    expect(element.querySelector('[data-testid="goal-decision-log"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/beslut',
    );
  });

  it('lists the actions that serve the goal, with their group, type, status and participations', async () => {
    const { element } = await render();
    expect(text(element.querySelector('[data-testid="goal-served-actions"]'))).toBe(
      'Jobbspår vård och omsorg – Arbetsmarknad, Jobbspår, Pågående, 24 deltaganden, 9 till arbete',
    );
    expect(element.querySelector('[data-testid="goal-served-actions"] a')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/insatser/a1',
    );
  });

  it('is read-only for those who may only read: no edit, re-baseline, status change or check-in', async () => {
    const { element } = await render();
    for (const id of ['goal-edit', 'goal-rebaseline', 'goal-set-ACHIEVED', 'check-in-form'])
      expect(element.querySelector(`[data-testid="${id}"]`)).toBeNull();
    expect(element.querySelector('[data-testid="goal-print"]')).not.toBeNull();
  });

  it('lets a steering member record a check-in, sent with the chosen assessment, and reloads', async () => {
    const { element, fixture, service } = await render(STEERING_PERMISSIONS);
    expect(element.querySelector('[data-testid="goal-edit"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/mal/goal-1/redigera',
    );
    const form = element.querySelector('[data-testid="check-in-form"]') as HTMLFormElement;
    const date = form.querySelector('[data-testid="check-in-date"]') as HTMLInputElement;
    date.value = '2026-10-05';
    date.dispatchEvent(new Event('input'));
    const comment = form.querySelector('[data-testid="check-in-comment"]') as HTMLTextAreaElement;
    comment.value = '  Helsingborg har börjat vända.  ';
    comment.dispatchEvent(new Event('input'));
    // Without an assessment the form refuses and says what is missing.
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(service.addCheckIn).not.toHaveBeenCalled();
    expect(text(form.querySelector('[role="alert"]'))).toBe('Välj styrgruppens bedömning.');

    const onTrack = Array.from(form.querySelectorAll('mat-radio-button')).find(
      (radio) => text(radio) === 'I fas',
    );
    (onTrack?.querySelector('input') as HTMLInputElement).click();
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(service.addCheckIn).toHaveBeenCalledWith({
      collaborationId: 'c1',
      goalId: 'goal-1',
      heldOn: '2026-10-05',
      assessment: 'ON_TRACK',
      comment: 'Helsingborg har börjat vända.',
      nextSteps: null,
    });
    expect(service.goal).toHaveBeenCalledTimes(2);
  });

  it('shows a draft the baselines activation would freeze, flagging a missing and a <5 value', async () => {
    const draft = goalDetail({ status: 'DRAFT', progress: null });
    const { element, service } = await render(STEERING_PERMISSIONS, draft);
    expect(service.baselinePreview).toHaveBeenCalledWith('c1', UNEMPLOYED.code, '2025-09', [
      '1283',
      '1282',
      '1275',
    ]);
    const rows = Array.from(element.querySelectorAll('[data-testid="baseline-preview"] tbody tr'));
    expect(rows.map(cells)).toEqual([
      ['Helsingborg', '240', ''],
      ['Landskrona', 'saknas', '⚠ Värde saknas'],
      ['Perstorp', '<5', '⚠ Osäkert (<5)'],
    ]);
    expect(text(element.querySelector('[data-testid="preview-problems"]'))).toBe(
      'Observera: 2 kommuner saknar värde eller har ett osäkert värde (<5) vid perioden.',
    );
    expect(element.querySelector('[data-testid="goal-activate"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="check-in-form"]')).toBeNull();
  });

  it('exports the table as CSV with the members and the collaboration', async () => {
    const { element, fixture } = await render();
    let blob: Blob | null = null;
    const createObjectURL = jest.fn((b: Blob) => {
      blob = b;
      return 'blob:goal';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    (element.querySelector('[data-testid="goal-export-csv"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(click).toHaveBeenCalled();
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob as unknown as Blob);
    });
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Kommun,Kommunkod,Utgångsläge,Senaste värde,Period för senaste värde,Förändring,Förändring (%),' +
        'Målvärde,Förväntat i dag,Andel av målet nått (%),Status,Anmärkningar',
    );
    expect(lines[1]).toBe('Helsingborg,1283,240,200,september 2026,-40,-16.67,120,180,33.33,Riskerar,');
    expect(lines[3]).toBe(
      'Perstorp,1275,1–4,7,september 2026,3–6,75–600,0.5–2,0.75–3,−600–−300,Osäkert,Osäkert utgångsläge (<5)',
    );
    expect(lines).toHaveLength(5);
    click.mockRestore();
  });
});
