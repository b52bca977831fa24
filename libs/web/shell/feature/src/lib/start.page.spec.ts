import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { LoadState } from '@kraftsamling/web/shared/graphql';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { StartPage } from './start.page';

describe('StartPage', () => {
  async function render(state: LoadState<{ email: string | null; access: unknown[] }>) {
    const current = signal(state);
    const store = {
      state: current,
      me: computed(() => {
        const value = current();
        return value.status === 'ready' ? value.data : null;
      }),
      load: jest.fn(async () => null),
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter([]), { provide: MeStore, useValue: store }],
    });
    const fixture = TestBed.createComponent(StartPage);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, store };
  }

  it('tells someone without a collaboration what to do', async () => {
    const { element } = await render({
      status: 'ready',
      data: { email: 'ny.person@example.org', access: [] },
    });
    expect(element.querySelector('[data-testid="no-collaboration"]')?.textContent).toBe(
      'Du är inte medlem i någon samverkan ännu.',
    );
    expect(element.textContent).toContain('ny.person@example.org');
  });

  it('shows why me could not be loaded, with a retry', async () => {
    const { element, store } = await render({
      status: 'error',
      error: { code: 'UNKNOWN', messageKey: 'errors.unknown', fields: [] },
    });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Det gick inte att nå tjänsten');
    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    expect(store.load).toHaveBeenCalledWith(true);
  });
});
