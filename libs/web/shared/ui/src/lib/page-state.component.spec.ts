import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AppError, LOADING, LoadState } from '@kraftsamling/web/shared/errors';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { PageStateComponent } from './page-state.component';

@Component({
  imports: [PageStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="titles.indicators"
      loadingKey="indicators.catalogue.loading"
      (retry)="retries.set(retries() + 1)"
    >
      @if (current.status === 'ready') {
        <p data-testid="content">{{ current.data.length }} indicators</p>
      }
      <a ksPageError href="/back">back</a>
    </ks-page-state>
  `,
})
class HostPage {
  readonly state = signal<LoadState<string[]>>(LOADING);
  readonly retries = signal(0);
}

const error = (code: AppError['code'], messageKey: string): LoadState<never> => ({
  status: 'error',
  error: { code, messageKey, fields: [] },
});

describe('PageStateComponent', () => {
  async function render() {
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(HostPage);
    await fixture.whenStable();
    return fixture;
  }

  it("shows a spinner with the page's text while loading, and neither heading nor content", async () => {
    const fixture = await render();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Laddar nyckeltal');
    expect(element.querySelector('h1')).toBeNull();
    expect(element.querySelector('[data-testid="content"]')).toBeNull();
    expect(element.querySelector('a[href="/back"]')).toBeNull();
  });

  it('shows the heading, the error with a retry that reaches the page, and the error content', async () => {
    const fixture = await render();
    fixture.componentInstance.state.set(error('INTERNAL_SERVER_ERROR', 'errors.internal'));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;

    expect(element.querySelector('h1')?.textContent).toBe('Nyckeltal');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Något gick fel hos oss');
    expect(element.querySelector('a[href="/back"]')).not.toBeNull();
    element.querySelector('button')!.click();
    expect(fixture.componentInstance.retries()).toBe(1);
    expect(element.querySelector('[data-testid="content"]')).toBeNull();
  });

  it('offers the start page instead of a retry when trying again cannot help', async () => {
    const fixture = await render();
    fixture.componentInstance.state.set(error('NOT_FOUND', 'errors.notFound'));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;

    expect(element.querySelector('button')).toBeNull();
    expect(element.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/');
  });

  it('shows the content, and only the content, once the data is there', async () => {
    const fixture = await render();
    fixture.componentInstance.state.set({ status: 'ready', data: ['a', 'b'] });
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;

    expect(element.querySelector('[data-testid="content"]')?.textContent).toBe('2 indicators');
    expect(element.querySelector('[role="status"]')).toBeNull();
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('a[href="/back"]')).toBeNull();
  });
});
