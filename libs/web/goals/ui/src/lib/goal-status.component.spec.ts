import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { GoalStatusComponent } from './goal-status.component';

describe('GoalStatusComponent', () => {
  async function render(status: string) {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    const fixture = TestBed.createComponent(GoalStatusComponent);
    fixture.componentRef.setInput('status', status);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it.each([
    ['ON_TRACK', 'I fas'],
    ['AT_RISK', 'Riskerar'],
    ['OFF_TRACK', 'Efter'],
    ['ACHIEVED', 'Uppnått'],
    ['UNCERTAIN', 'Osäkert'],
  ])('says %s in words, with an icon hidden from assistive technology', async (status, text) => {
    const element = await render(status);
    expect(element.textContent?.trim()).toBe(text);
    const icon = element.querySelector('svg');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
  });

  it('gives each status its own shape, so it never rests on colour', async () => {
    const shapes = new Set<string>();
    for (const status of ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED']) {
      TestBed.resetTestingModule();
      shapes.add((await render(status)).querySelector('svg')!.innerHTML);
    }
    expect(shapes.size).toBe(4);
  });
});
