import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { Indicator, IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import {
  COORDINATOR_PERMISSIONS,
  EDITOR_PERMISSIONS,
  collaboration,
  indicator,
  meStore,
} from '../../testing/fixtures';
import { LocalIndicatorsPage } from './local-indicators.page';

const JOBBSPAR = indicator('jobbspar.deltagare', {
  nameSv: 'Deltagare i jobbspår',
  nameEn: 'Participants in job tracks',
  source: 'LOCAL',
  collaborationId: 'c1',
  theme: 'local',
  direction: 'HIGHER_IS_BETTER',
  version: 3,
});
const MENTORER = indicator('mentorer.antal', {
  id: 'i-new',
  nameSv: 'Mentorer',
  nameEn: 'Mentors',
  source: 'LOCAL',
  collaborationId: 'c1',
  theme: 'local',
  unit: 'COUNT',
  periodicity: 'QUARTER',
  direction: 'HIGHER_IS_BETTER',
});

const badInput = (field: string, message: string) =>
  new CombinedGraphQLErrors({ data: null }, [
    { message: 'Bad input', extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }] } },
  ]);

describe('LocalIndicatorsPage', () => {
  async function render(permissions = COORDINATOR_PERMISSIONS, list: Indicator[] = [JOBBSPAR]) {
    const service = {
      indicators: jest.fn(() => of(list)),
      createLocalIndicator: jest.fn(),
      updateLocalIndicator: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: CollaborationService,
          useValue: { collaboration: () => of(collaboration(permissions, ['COORDINATOR'])) },
        },
        { provide: IndicatorService, useValue: service },
        meStore(),
      ],
    });
    const fixture = TestBed.createComponent(LocalIndicatorsPage);
    fixture.componentRef.setInput('slug', 'familjen-helsingborg');
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await fixture.whenStable();
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const within = (root: ParentNode) => ({
      /** The input, textarea or select whose mat-label reads `label`, as a screen reader user finds it. */
      field: (label: string) => {
        const formField = Array.from(root.querySelectorAll('mat-form-field')).find(
          (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
        );
        return formField?.querySelector<HTMLElement>('input, textarea, mat-select') ?? null;
      },
      /** The error shown with the field labelled `label`. */
      error: (label: string) => {
        const formField = Array.from(root.querySelectorAll('mat-form-field')).find(
          (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
        );
        return formField?.querySelector('mat-error') ?? null;
      },
    });
    const form = () => element.querySelector<HTMLElement>('[data-testid="create-local-indicator-form"]');
    const type = async (input: HTMLElement | null, text: string) => {
      const target = input as HTMLInputElement;
      target.value = text;
      target.dispatchEvent(new Event('input'));
      await settle();
    };
    const choose = async (select: HTMLElement | null, option: string) => {
      select?.click();
      await settle();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((candidate) => candidate.textContent?.trim() === option)
        ?.click();
      await settle();
    };
    const click = async (button: HTMLElement | null | undefined) => {
      button?.click();
      await settle();
    };
    const status = () => element.querySelector('[role="status"]')?.textContent?.trim();
    const dialog = () => document.querySelector<HTMLElement>('.mat-mdc-dialog-container');
    return { fixture, element, service, settle, within, form, type, choose, click, status, dialog };
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('shows the list and the form to a user with indicator:manage', async () => {
    const { element, service, form } = await render();

    expect(service.indicators).toHaveBeenCalledWith('c1', 'LOCAL');
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Egna nyckeltal');
    const cells = Array.from(
      element.querySelectorAll('[data-testid="local-indicator-table"] tbody tr > *'),
    ).map((cell) => cell.textContent?.trim());
    expect(cells).toEqual([
      'Deltagare i jobbspår',
      'jobbspar.deltagare',
      'Antal',
      'Månad',
      'Högre är bättre',
      'Ändra',
    ]);
    expect(element.querySelector('tbody button')?.getAttribute('aria-label')).toBe(
      'Ändra Deltagare i jobbspår',
    );
    expect(form()).not.toBeNull();
  });

  it('shows neither the form nor the list without indicator:manage, but says who may use the page', async () => {
    const { element, service, form } = await render(EDITOR_PERMISSIONS);

    expect(form()).toBeNull();
    expect(element.querySelector('table')).toBeNull();
    expect(service.indicators).not.toHaveBeenCalled();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Ingen behörighet');
    expect(element.querySelector('[data-testid="no-access"]')?.textContent).toContain(
      'Att lägga till och ändra egna nyckeltal är till för samordnare.',
    );
  });

  it('labels every field of the form and hints at the characters a code may have', async () => {
    const { form } = await render();
    const labels = Array.from(form()!.querySelectorAll('mat-form-field')).map((field) => ({
      label: field.querySelector('mat-label')?.textContent?.trim(),
      control: !!field.querySelector('input, textarea, mat-select'),
    }));
    expect(labels).toEqual(
      [
        'Kod',
        'Namn på svenska',
        'Namn på engelska',
        'Enhet',
        'Period',
        'Riktning',
        'Tema',
        'Beskrivning på svenska',
        'Beskrivning på engelska',
      ].map((label) => ({ label, control: true })),
    );
    expect(form()!.querySelector('mat-hint')?.textContent).toContain(
      'Små bokstäver a–z och siffror, med punkt, understreck eller bindestreck emellan',
    );
  });

  it('refuses an incomplete form at its fields, sends nothing and moves focus to the first problem', async () => {
    const { form, within, type, click, service } = await render();
    const fields = within(form()!);
    await type(fields.field('Kod'), 'Mentorer');

    await click(form()!.querySelector<HTMLElement>('[data-testid="create-local-indicator-submit"]'));

    expect(service.createLocalIndicator).not.toHaveBeenCalled();
    expect(fields.error('Kod')?.textContent?.trim()).toBe(
      'Koden får bara ha små bokstäver a–z och siffror, med punkt, understreck eller bindestreck emellan, till exempel jobbspar.deltagare.',
    );
    expect(fields.error('Namn på svenska')?.textContent?.trim()).toBe('Ange ett namn på svenska.');
    expect(fields.error('Enhet')?.textContent?.trim()).toBe('Välj en enhet.');
    expect(fields.error('Period')?.textContent?.trim()).toBe('Välj hur ofta värdet mäts.');
    expect(document.activeElement).toBe(fields.field('Kod'));
  });

  it('adds an indicator with the variables typed, announces it, empties the form and reloads the list', async () => {
    const { form, within, type, choose, click, service, status } = await render();
    service.createLocalIndicator.mockReturnValue(of(MENTORER));
    const fields = within(form()!);

    await type(fields.field('Kod'), ' mentorer.antal ');
    await type(fields.field('Namn på svenska'), 'Mentorer');
    await type(fields.field('Namn på engelska'), 'Mentors');
    await choose(fields.field('Enhet'), 'Antal');
    await choose(fields.field('Period'), 'Kvartal');
    await type(fields.field('Beskrivning på svenska'), 'Deltagare som har en mentor.');
    await click(form()!.querySelector<HTMLElement>('[data-testid="create-local-indicator-submit"]'));

    expect(service.createLocalIndicator).toHaveBeenCalledWith({
      collaborationId: 'c1',
      code: 'mentorer.antal',
      nameSv: 'Mentorer',
      nameEn: 'Mentors',
      descriptionSv: 'Deltagare som har en mentor.',
      descriptionEn: null,
      theme: null,
      direction: 'HIGHER_IS_BETTER',
      unit: 'COUNT',
      periodicity: 'QUARTER',
    });
    expect(status()).toBe('Nyckeltalet Mentorer är tillagt.');
    expect((fields.field('Kod') as HTMLInputElement).value).toBe('');
    expect(form()!.querySelectorAll('mat-error')).toHaveLength(0);
    expect(service.indicators).toHaveBeenCalledTimes(2);
  });

  it("shows the API's field error at its field, linked to it for screen readers", async () => {
    const { form, within, type, choose, click, service, status } = await render();
    service.createLocalIndicator.mockReturnValue(
      throwError(() => badInput('input.code', 'an official indicator has this code; choose another')),
    );
    const fields = within(form()!);
    await type(fields.field('Kod'), 'af.unemployed');
    await type(fields.field('Namn på svenska'), 'Arbetslösa');
    await type(fields.field('Namn på engelska'), 'Unemployed');
    await choose(fields.field('Enhet'), 'Antal');
    await choose(fields.field('Period'), 'Månad');

    await click(form()!.querySelector<HTMLElement>('[data-testid="create-local-indicator-submit"]'));

    const error = fields.error('Kod');
    expect(error?.textContent?.trim()).toBe(
      'Kontrollera fältet: an official indicator has this code; choose another',
    );
    expect(fields.field('Kod')?.getAttribute('aria-describedby')?.split(' ')).toContain(error?.id);
    expect(fields.field('Kod')?.getAttribute('aria-invalid')).toBe('true');
    expect(form()!.querySelector('[role="alert"]')?.textContent).toContain('Några uppgifter behöver rättas');
    expect(status()).toBe('');
  });

  it('edits names, descriptions, theme and direction with the version seen, then announces it', async () => {
    const { element, within, type, click, service, status, dialog } = await render();
    const renamed = { ...JOBBSPAR, nameSv: 'Deltagare i jobbspår (alla)', version: 4 };
    service.updateLocalIndicator.mockReturnValue(of(renamed));

    await click(element.querySelector<HTMLElement>('button[aria-label="Ändra Deltagare i jobbspår"]'));
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Ändra Deltagare i jobbspår');
    const fields = within(dialog()!);
    expect(fields.field('Kod')).toBeNull();
    expect((fields.field('Namn på engelska') as HTMLInputElement).value).toBe('Participants in job tracks');
    await type(fields.field('Namn på svenska'), 'Deltagare i jobbspår (alla)');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="edit-local-indicator-submit"]'));

    expect(service.updateLocalIndicator).toHaveBeenCalledWith({
      collaborationId: 'c1',
      indicatorId: 'i-jobbspar.deltagare',
      expectedVersion: 3,
      nameSv: 'Deltagare i jobbspår (alla)',
      nameEn: 'Participants in job tracks',
      descriptionSv: null,
      descriptionEn: null,
      theme: 'local',
      direction: 'HIGHER_IS_BETTER',
    });
    expect(dialog()).toBeNull();
    expect(status()).toBe('Ändringarna i Deltagare i jobbspår (alla) är sparade.');
    expect(service.indicators).toHaveBeenCalledTimes(2);
  });

  it('says in the dialog that someone else changed the indicator, and reloads the list on request', async () => {
    const { element, click, service, dialog } = await render();
    service.updateLocalIndicator.mockReturnValue(
      throwError(
        () =>
          new CombinedGraphQLErrors({ data: null }, [{ message: 'stale', extensions: { code: 'CONFLICT' } }]),
      ),
    );

    await click(element.querySelector<HTMLElement>('button[aria-label="Ändra Deltagare i jobbspår"]'));
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="edit-local-indicator-submit"]'));

    expect(service.updateLocalIndicator).toHaveBeenCalledWith(
      expect.objectContaining({ expectedVersion: 3 }),
    );
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain(
      'Någon annan har ändrat nyckeltalet sedan du öppnade det. Dina ändringar är inte sparade.',
    );
    expect(service.indicators).toHaveBeenCalledTimes(1);

    await click(dialog()!.querySelector<HTMLElement>('[data-testid="edit-local-indicator-reload"]'));
    expect(dialog()).toBeNull();
    expect(service.indicators).toHaveBeenCalledTimes(2);
  });

  it('shows the API field error at its field in the edit dialog', async () => {
    const { element, within, click, service, dialog } = await render();
    service.updateLocalIndicator.mockReturnValue(
      throwError(() => badInput('input.theme', 'must be lower-case letters a–z, digits and hyphens')),
    );

    await click(element.querySelector<HTMLElement>('button[aria-label="Ändra Deltagare i jobbspår"]'));
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="edit-local-indicator-submit"]'));

    const fields = within(dialog()!);
    expect(fields.error('Tema')?.textContent?.trim()).toBe(
      'Kontrollera fältet: must be lower-case letters a–z, digits and hyphens',
    );
    expect(fields.field('Tema')?.getAttribute('aria-describedby')?.split(' ')).toContain(
      fields.error('Tema')?.id,
    );
  });
});
