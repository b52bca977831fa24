import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { ErrorStateComponent } from './error-state.component';
import { LoadingStateComponent } from './loading-state.component';

describe('ErrorStateComponent', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideRouter([])] }),
  );

  it('shows the translated message as an alert and emits retry from its button', async () => {
    const fixture = TestBed.createComponent(ErrorStateComponent);
    fixture.componentRef.setInput('messageKey', 'errors.conflict');
    const retry = jest.fn();
    fixture.componentInstance.retry.subscribe(retry);
    await fixture.whenStable();

    const alert: HTMLElement = fixture.nativeElement.querySelector('[role="alert"]');
    expect(alert.textContent).toContain('Någon annan har ändrat det här samtidigt som du. Ladda om sidan');
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    expect(button.textContent?.trim()).toBe('Försök igen');
    button.click();
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('offers the start page instead of a retry when trying again cannot help', async () => {
    const fixture = TestBed.createComponent(ErrorStateComponent);
    fixture.componentRef.setInput('messageKey', 'errors.forbidden');
    fixture.componentRef.setInput('retryable', false);
    fixture.componentRef.setInput('homeLink', true);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('button')).toBeNull();
    const link: HTMLAnchorElement = fixture.nativeElement.querySelector('a');
    expect(link.textContent?.trim()).toBe('Gå till startsidan');
    expect(link.getAttribute('href')).toBe('/');
  });
});

describe('LoadingStateComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ imports: [translocoTesting()] }));

  it('announces what is loading in a polite live region', async () => {
    const fixture = TestBed.createComponent(LoadingStateComponent);
    fixture.componentRef.setInput('labelKey', 'members.loading');
    await fixture.whenStable();
    const status: HTMLElement = fixture.nativeElement.querySelector('[role="status"]');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('Laddar medlemmar');
  });
});
