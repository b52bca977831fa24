import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { drawInSlices, drawnInNextTask } from './draw-in-slices';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul>
      @for (item of items().slice(0, drawn()); track item) {
        <li>{{ item }}</li>
      }
    </ul>
  `,
})
class HostList {
  readonly items = signal(Array.from({ length: 12 }, (_, i) => `item ${i}`));
  readonly drawn = drawInSlices(
    () => this.items().length,
    () => this.items(),
    { first: 5, step: 3 },
  );
}

/** Lets the timers due now run, and the change detection they schedule. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('drawInSlices', () => {
  function render() {
    const fixture = TestBed.createComponent(HostList);
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, count: () => element.querySelectorAll('li').length };
  }

  it('draws the first slice at once and a step more in each later task, up to the whole list', async () => {
    const { fixture, count } = render();
    fixture.detectChanges();
    expect(count()).toBe(5);
    await nextTask();
    fixture.detectChanges();
    expect(count()).toBe(8);
    await nextTask();
    fixture.detectChanges();
    expect(count()).toBe(11);
    await nextTask();
    fixture.detectChanges();
    expect(count()).toBe(12);
  });

  it('keeps the application busy until the whole list is drawn, so whenStable waits for it', async () => {
    const { fixture, count } = render();
    await fixture.whenStable();
    expect(count()).toBe(12);
  });

  it('starts from the first slice again when the list changes', async () => {
    const { fixture, count } = render();
    await fixture.whenStable();
    fixture.componentInstance.items.set(Array.from({ length: 9 }, (_, i) => `other ${i}`));
    fixture.detectChanges();
    expect(count()).toBe(5);
    await fixture.whenStable();
    expect(count()).toBe(9);
  });

  it('draws a short list whole at once', async () => {
    const { fixture, count } = render();
    fixture.componentInstance.items.set(['one', 'two']);
    fixture.detectChanges();
    expect(count()).toBe(2);
    await fixture.whenStable();
    expect(count()).toBe(2);
  });
});

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ data() }}</p>
    @if (rest()) {
      <p>the rest</p>
    }
  `,
})
class HostPage {
  readonly data = signal('first');
  readonly rest = drawnInNextTask(() => this.data());
}

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rest()) {
      <p data-testid="rest">{{ state().data }}</p>
    }
  `,
})
class HostKeyed {
  readonly state = signal({ status: 'ready', data: 1 });
  readonly rest = drawnInNextTask(() => this.state().status);
}

describe('drawnInNextTask', () => {
  it('draws the rest a task after the first drawing, and again a task after the data changes', async () => {
    const fixture = TestBed.createComponent(HostPage);
    const element = fixture.nativeElement as HTMLElement;
    const paragraphs = () => Array.from(element.querySelectorAll('p')).map((p) => p.textContent?.trim());
    fixture.detectChanges();
    expect(paragraphs()).toEqual(['first']);
    await fixture.whenStable();
    expect(paragraphs()).toEqual(['first', 'the rest']);

    fixture.componentInstance.data.set('second');
    fixture.detectChanges();
    expect(paragraphs()).toEqual(['second']);
    await fixture.whenStable();
    expect(paragraphs()).toEqual(['second', 'the rest']);
  });

  it('does not start again for new data that leaves its key as it was', async () => {
    const fixture = TestBed.createComponent(HostKeyed);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const rest = element.querySelector('[data-testid="rest"]');
    expect(rest).not.toBeNull();

    fixture.componentInstance.state.set({ status: 'ready', data: 2 });
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="rest"]')).toBe(rest);

    fixture.componentInstance.state.set({ status: 'loading', data: 2 });
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="rest"]')).toBeNull();
  });
});
