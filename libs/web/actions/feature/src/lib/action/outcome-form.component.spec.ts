import { TestBed } from '@angular/core/testing';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ActionDetail, ActionOutcome, ActionService } from '@kraftsamling/web/actions/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { OutcomeFormComponent } from './outcome-form.component';

const zero = {
  participants: 0,
  started: 0,
  completed: 0,
  employed: 0,
  employedPrivate: 0,
  studies: 0,
  otherOutcome: 0,
};

const outcome = (
  code: string,
  participants: number,
  version: number,
  by = 'Anna Exempel',
): ActionOutcome => ({
  actionId: 'a1',
  municipalityCode: code,
  period: '2026-10',
  counts: { ...zero, participants },
  version,
  recordedByName: by,
  recordedAt: '2026-10-31T10:00:00Z',
});

function detail(outcomes: ActionOutcome[], recordable = ['1283', '1260']): ActionDetail {
  return {
    id: 'a1',
    municipalities: [
      { code: '1283', name: 'Helsingborg' },
      { code: '1260', name: 'Bjuv' },
    ],
    outcomes,
    viewerCanRecordFor: recordable,
  } as unknown as ActionDetail;
}

describe('OutcomeFormComponent', () => {
  async function render(action: ActionDetail, recordOutcomes: jest.Mock) {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [{ provide: ActionService, useValue: { recordOutcomes } }],
    });
    const fixture = TestBed.createComponent(OutcomeFormComponent);
    fixture.componentRef.setInput('collaborationId', 'c1');
    fixture.componentRef.setInput('action', action);
    fixture.componentRef.setInput('periodKind', 'MONTH');
    const reloads: number[] = [];
    fixture.componentInstance.reload.subscribe(() => reloads.push(1));
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const input = (testId: string) => element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
    const type = async (testId: string, value: string) => {
      input(testId).value = value;
      input(testId).dispatchEvent(new Event('input'));
      await settle();
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('[data-testid="outcome-submit"]')!.click();
      await settle();
    };
    return { fixture, element, input, type, submit, settle, reloads };
  }

  it('shows the recorded figures of the chosen period and sends only the rows changed, with the versions shown', async () => {
    const recordOutcomes = jest.fn(() => of([]));
    const { input, type, submit } = await render(detail([outcome('1283', 12, 3)]), recordOutcomes);
    await type('outcome-period', '2026-10');
    expect(input('outcome-1283-participants').value).toBe('12');
    expect(input('outcome-1260-participants').value).toBe('0');
    await type('outcome-1260-participants', '5');
    await submit();
    expect(recordOutcomes).toHaveBeenCalledWith({
      collaborationId: 'c1',
      actionId: 'a1',
      rows: [
        { municipalityCode: '1260', period: '2026-10', counts: { ...zero, participants: 5 }, version: null },
      ],
    });
  });

  it('offers only the municipalities the user may record', async () => {
    const { element } = await render(detail([], ['1283']), jest.fn());
    const rows = Array.from(element.querySelectorAll('[data-testid="outcome-row"]')).map((row) =>
      row.getAttribute('data-municipality'),
    );
    expect(rows).toEqual(['1283']);
  });

  it('refuses outcomes that cannot be before sending, at the cell', async () => {
    const recordOutcomes = jest.fn();
    const { element, type, submit } = await render(detail([]), recordOutcomes);
    await type('outcome-period', '2026-10');
    await type('outcome-1283-participants', '10');
    await type('outcome-1283-employed', '3');
    await type('outcome-1283-employedPrivate', '4');
    await submit();
    expect(recordOutcomes).not.toHaveBeenCalled();
    expect(element.querySelector('#outcome-problem-1283-employedPrivate')?.textContent).toContain(
      'Fler i privat sektor än till arbete.',
    );
  });

  it('after someone else recorded first: shows their figures, keeps the entries, and saves over them only when sent again', async () => {
    const recordOutcomes = jest.fn(() =>
      throwError(
        () =>
          new CombinedGraphQLErrors({ data: null }, [{ message: 'stale', extensions: { code: 'CONFLICT' } }]),
      ),
    );
    const { fixture, element, input, type, submit, settle, reloads } = await render(
      detail([outcome('1283', 12, 3)]),
      recordOutcomes,
    );
    await type('outcome-period', '2026-10');
    await type('outcome-1283-participants', '14');
    await submit();
    expect(reloads).toHaveLength(1);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Någon annan registrerade utfall');

    // The page loads the newer figures: 13, saved by someone else as version 4.
    fixture.componentRef.setInput('action', detail([outcome('1283', 13, 4, 'Bertil Exempel')]));
    await settle();
    expect(element.querySelector('[data-testid="outcome-conflict"]')?.textContent).toContain(
      'Bertil Exempel',
    );
    expect(element.querySelector('[data-testid="outcome-conflict"]')?.textContent).toContain('Deltagare 13');
    expect(input('outcome-1283-participants').value).toBe('14');

    recordOutcomes.mockReturnValue(of([]) as never);
    await submit();
    expect(recordOutcomes).toHaveBeenLastCalledWith(
      expect.objectContaining({
        rows: [
          expect.objectContaining({
            municipalityCode: '1283',
            version: 4,
            counts: { ...zero, participants: 14 },
          }),
        ],
      }),
    );
  });
});
