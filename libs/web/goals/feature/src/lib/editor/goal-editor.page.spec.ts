import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { collaborationServiceStub } from '@kraftsamling/web/collaborations/data-access/testing';
import { GoalService } from '@kraftsamling/web/goals/data-access';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { STEERING_PERMISSIONS, UNEMPLOYED, collaboration, goalDetail, records } from '../../testing/fixtures';
import { GoalEditorPage } from './goal-editor.page';

describe('GoalEditorPage', () => {
  async function render(goalId?: string, create = of(goalDetail({ id: 'goal-new', status: 'DRAFT' }))) {
    const service = {
      goal: jest.fn(() => of(goalDetail())),
      records: jest.fn(() => of(records())),
      create: jest.fn(() => create),
      update: jest.fn(() => of(goalDetail())),
      baselinePreview: jest.fn(() => of([])),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        provideNoopAnimations(),
        {
          provide: CollaborationService,
          useValue: collaborationServiceStub(() => of(collaboration(STEERING_PERMISSIONS))),
        },
        { provide: GoalService, useValue: service },
        { provide: IndicatorService, useValue: { indicators: () => of([UNEMPLOYED]) } },
      ],
    });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(GoalEditorPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    if (goalId) fixture.componentRef.setInput('goalId', goalId);
    await fixture.whenStable();
    const page = fixture.componentInstance;
    return { fixture, element: fixture.nativeElement as HTMLElement, service, navigate, page };
  }

  const text = (element: Element | null | undefined) =>
    element?.textContent
      ?.replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const errors = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('mat-error, .ks-field-error')).map(text);

  it('starts a new goal with every member municipality and the default thresholds', async () => {
    const { page } = await render();
    const value = page.form.getRawValue();
    expect([...value.areaCodes].sort()).toEqual(['1275', '1282', '1283']);
    expect(value).toMatchObject({
      targetKind: 'RELATIVE_CHANGE',
      onTrackThreshold: -5,
      atRiskThreshold: -20,
    });
  });

  it('refuses an incomplete goal and says at each field what is missing', async () => {
    const { element, fixture, service } = await render();
    (element.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(service.create).not.toHaveBeenCalled();
    expect(errors(element)).toEqual(
      expect.arrayContaining([
        'Ge målet en titel.',
        'Välj ett nyckeltal.',
        'Ange perioden för utgångsläget.',
        'Ange måldatum som en period.',
        'Ange målvärdet.',
      ]),
    );
  });

  it('checks the periods against the indicator and the target date against the baseline', async () => {
    const { page, fixture, element } = await render();
    page.form.patchValue({
      indicatorCode: UNEMPLOYED.code,
      baselinePeriod: '2025-Q3',
      targetPeriod: '2025-06',
    });
    expect(page.form.controls.baselinePeriod.errors?.['period']).toContain('a month is expected here');
    page.form.patchValue({ baselinePeriod: '2025-09' });
    page.form.markAllAsTouched();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(page.form.controls.targetPeriod.errors).toEqual({ order: true });
    expect(errors(element)).toContain('Måldatum måste komma efter utgångsläget.');
  });

  it('creates a draft with the target as a fraction and opens it', async () => {
    const { page, service, navigate } = await render();
    page.form.patchValue({
      title: '  Halvera arbetslösheten  ',
      indicatorCode: UNEMPLOYED.code,
      baselinePeriod: '2025-09',
      targetPeriod: '2027-09',
      targetValue: -50,
      groupIds: ['g-labour'],
    });
    page.submit();
    expect(service.create).toHaveBeenCalledWith({
      collaborationId: 'c1',
      title: 'Halvera arbetslösheten',
      description: null,
      targetGroup: null,
      indicatorCode: UNEMPLOYED.code,
      areaCodes: expect.arrayContaining(['1283', '1282', '1275']),
      groupIds: ['g-labour'],
      baselinePeriod: '2025-09',
      targetPeriod: '2027-09',
      targetKind: 'RELATIVE_CHANGE',
      targetValue: -0.5,
      levelDirection: null,
      levelScope: null,
      onTrackThreshold: -0.05,
      atRiskThreshold: -0.2,
    });
    expect(navigate).toHaveBeenCalledWith(['/s', 'familjen-helsingborg', 'mal', 'goal-new']);
  });

  it("shows the API's validation message at the field it concerns", async () => {
    const invalid = new CombinedGraphQLErrors({ data: null }, [
      {
        message: 'Bad input',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.baselinePeriod', message: 'no values for 2025-09 yet' }],
        },
      },
    ]);
    const { page, fixture, element, navigate } = await render(
      undefined,
      throwError(() => invalid),
    );
    page.form.patchValue({
      title: 'Ett mål',
      indicatorCode: UNEMPLOYED.code,
      baselinePeriod: '2025-09',
      targetPeriod: '2027-09',
      targetValue: -50,
    });
    page.submit();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(errors(element)).toContain('Kontrollera fältet: no values for 2025-09 yet');
    expect(text(element.querySelector('.ks-form-error'))).toContain('Några uppgifter behöver rättas');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('keeps what an active goal measures fixed and sends only what may change', async () => {
    const { page, service, element } = await render('goal-1');
    expect(text(element.querySelector('[data-testid="editor-active-note"]'))).toContain('Målet är aktivt');
    expect(page.form.controls.indicatorCode.disabled).toBe(true);
    expect(page.form.controls.targetValue.value).toBe(-50);
    expect(page.form.controls.title.value).toBe('Halvera arbetslösheten bland utrikes födda kvinnor');
    page.form.patchValue({ title: 'Halvera arbetslösheten' });
    page.submit();
    expect(service.update).toHaveBeenCalledWith({
      collaborationId: 'c1',
      goalId: 'goal-1',
      expectedVersion: 3,
      title: 'Halvera arbetslösheten',
      description: 'Varje kommuns septembersiffra ska halveras inom två år.',
      targetGroup: 'Utrikes födda kvinnor',
      areaCodes: ['1283', '1282', '1275'],
      groupIds: ['g-labour'],
      onTrackThreshold: -0.05,
      atRiskThreshold: -0.2,
    });
  });
});
