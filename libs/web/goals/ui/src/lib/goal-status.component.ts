import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** The shape shown for each status: it differs by more than colour (WCAG 1.4.1). */
type Shape = 'check' | 'flag' | 'triangle' | 'cross' | 'question' | 'dash';

const SHAPES: Readonly<Record<string, Shape>> = {
  ACHIEVED: 'flag',
  ON_TRACK: 'check',
  AT_RISK: 'triangle',
  OFF_TRACK: 'cross',
  UNCERTAIN: 'question',
  NO_STATUS: 'dash',
};

/**
 * A computed status (on track, at risk, off track…) or a check-in's assessment: an icon
 * and the status in words. The icon is decoration (aria-hidden); the words carry the
 * meaning, so the status never rests on colour or shape alone.
 */
@Component({
  selector: 'ks-goal-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="ks-goal-status" [class]="'ks-goal-status--' + shape()" [attr.data-status]="status()">
      @switch (shape()) {
        @case ('check') {
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7.5" />
            <path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="2" />
          </svg>
        }
        @case ('flag') {
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M3 1.5h1.6v13H3z" />
            <path d="M4.6 2h8.4l-2.2 3.2 2.2 3.2H4.6z" />
          </svg>
        }
        @case ('triangle') {
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M8 1l7.5 13.5H.5z" />
            <path d="M7.2 5.5h1.6v4.5H7.2zM7.2 11.2h1.6v1.6H7.2z" fill="#fff" />
          </svg>
        }
        @case ('cross') {
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x=".5" y=".5" width="15" height="15" rx="2" />
            <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" stroke="#fff" stroke-width="2" />
          </svg>
        }
        @case ('question') {
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7.5" />
            <path
              d="M6 6.2a2 2 0 1 1 2.8 1.8c-.6.3-.8.7-.8 1.3v.4M8 11.3v1.4"
              fill="none"
              stroke="#fff"
              stroke-width="1.6"
            />
          </svg>
        }
        @default {
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path d="M4.5 8h7" stroke="currentColor" stroke-width="2" />
          </svg>
        }
      }
      <span class="ks-goal-status__text">{{ prefix() + status() | transloco }}</span>
    </span>
  `,
  styles: `
    .ks-goal-status {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      font-weight: 600;
      white-space: nowrap;
    }
    svg {
      flex: none;
      fill: currentColor;
    }
    /* Dark tones of each hue: text and icon keep 4.5:1 on light surfaces. */
    .ks-goal-status--check {
      color: #1b5e20;
    }
    .ks-goal-status--flag {
      color: #0d47a1;
    }
    .ks-goal-status--triangle {
      color: #8a4b00;
    }
    .ks-goal-status--cross {
      color: #b3261e;
    }
    .ks-goal-status--question,
    .ks-goal-status--dash {
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .ks-goal-status {
        color: #000 !important;
      }
    }
  `,
})
export class GoalStatusComponent {
  /** A ProgressStatus or a CheckInAssessment (the same words). */
  readonly status = input.required<string>();
  /** The translation keys' prefix: statuses and assessments share their words. */
  readonly prefix = input('goals.status.');
  protected readonly shape = computed(() => SHAPES[this.status()] ?? 'dash');
}
