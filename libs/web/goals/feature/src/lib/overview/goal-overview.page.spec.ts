import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { GoalService } from '@kraftsamling/web/goals/data-access';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import {
  STEERING_PERMISSIONS,
  UNEMPLOYED,
  VIEWER_PERMISSIONS,
  collaboration,
  goalSummary,
} from '../../testing/fixtures';
import { GoalOverviewPage } from './goal-overview.page';

describe('GoalOverviewPage', () => {
  const DRAFT = goalSummary({ id: 'goal-2', title: 'Fler i arbetsträning', status: 'DRAFT', progress: null });
  const CLOSED = goalSummary({ id: 'goal-3', title: 'Ett avslutat mål', status: 'ACHIEVED' });

  async function render(permissions = VIEWER_PERMISSIONS, goals = of([goalSummary(), DRAFT, CLOSED])) {
    const service = { goals: jest.fn(() => goals) };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() => of(collaboration(permissions))),
        },
        { provide: GoalService, useValue: service },
        { provide: IndicatorService, useValue: { indicators: () => of([UNEMPLOYED]) } },
      ],
    });
    const fixture = TestBed.createComponent(GoalOverviewPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, service };
  }

  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

  it("shows each active goal as a card: the collaboration's figures, the status in words, who is furthest behind", async () => {
    const { element, service } = await render();
    expect(service.goals).toHaveBeenCalledWith('c1');
    const cards = element.querySelectorAll('.ks-goal-card');
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(text(card.querySelector('h3'))).toBe('Halvera arbetslösheten bland utrikes födda kvinnor');
    expect(card.querySelector('h3 a')?.getAttribute('href')).toBe('/s/familjen-helsingborg/mal/goal-1');
    expect(text(card.querySelector('.ks-goal-card__status'))).toBe('Riskerar');
    const figures = Object.fromEntries(
      Array.from(card.querySelectorAll('dl > div')).map((pair) => [
        text(pair.querySelector('dt')),
        text(pair.querySelector('dd'))?.replace(/\u00a0/g, ' '),
      ]),
    );
    expect(figures).toEqual({
      'Senaste värde': '277 (september 2026)',
      Målvärde: '170,5–172 (september 2027)',
      Utgångsläge: '341–344 (september 2025)',
      'Förväntat i dag': '255,75–258',
    });
    expect(text(card.querySelector('.ks-goal-card__target'))?.replace(/\u00a0/g, ' ')).toBe(
      '−50 % från varje kommuns utgångsläge',
    );
    // Off track first, then at risk; Landskrona (on track) and Perstorp (uncertain) are not behind.
    expect(Array.from(card.querySelectorAll('[data-testid="furthest-behind"] li')).map(text)).toEqual([
      'Bjuv: Efter',
      'Helsingborg: Riskerar',
    ]);
  });

  it('lists ended goals apart, and hides drafts and the new-goal button from those who only read', async () => {
    const { element } = await render();
    expect(element.querySelector('[data-testid="new-goal"]')).toBeNull();
    expect(element.querySelector('[data-testid="draft-goals"]')).toBeNull();
    expect(text(element.querySelector('#goals-ended-heading + ul'))).toBe('Ett avslutat mål · Uppnått');
  });

  it('offers a new goal and lists the drafts to those who may manage goals', async () => {
    const { element } = await render(STEERING_PERMISSIONS);
    expect(element.querySelector('[data-testid="new-goal"]')?.getAttribute('href')).toBe(
      '/s/familjen-helsingborg/mal/nytt',
    );
    expect(Array.from(element.querySelectorAll('[data-testid="draft-goals"] a')).map(text)).toEqual([
      'Fler i arbetsträning',
    ]);
  });

  it('says so when there is no active goal', async () => {
    const { element } = await render(VIEWER_PERMISSIONS, of([]));
    expect(text(element.querySelector('[data-testid="no-active-goals"]'))).toBe(
      'Det finns inga aktiva mål ännu.',
    );
  });

  it('shows the error without a retry when the collaboration is not the user’s', async () => {
    const forbidden = new CombinedGraphQLErrors({ data: null }, [
      { message: 'x', extensions: { code: 'FORBIDDEN' } },
    ]);
    const { element } = await render(
      VIEWER_PERMISSIONS,
      throwError(() => forbidden),
    );
    expect(text(element.querySelector('[role="alert"]'))).toContain('Du har inte behörighet');
    expect(element.querySelector('.ks-goal-card')).toBeNull();
  });
});
