import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ImportStage } from '@kraftsamling/web/indicators/data-access';

export type ImportProgressStage = 'uploading' | ImportStage;

/**
 * How far an import has come: a determinate bar fed by the server's progress lines
 * (indeterminate while the file is sent), and a text in a polite live region that changes
 * in steps of ten per cent, so a screen reader is told the progress without a flood.
 */
@Component({
  selector: 'ks-import-progress',
  imports: [MatProgressBar, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ks-import-progress">
      <p id="import-progress-text" aria-live="polite">
        {{ textKey() | transloco: { percent: percent() } }}
      </p>
      <mat-progress-bar
        [mode]="stage() === 'uploading' ? 'indeterminate' : 'determinate'"
        [value]="exact()"
        aria-labelledby="import-progress-text"
      />
    </div>
  `,
  styles: `
    .ks-import-progress {
      margin: 1rem 0;
      max-width: 40rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
  `,
})
export class ImportProgressComponent {
  readonly stage = input.required<ImportProgressStage>();
  /** 0 … 1 within the stage */
  readonly fraction = input(0);

  readonly exact = computed(() => Math.round(this.fraction() * 100));
  /** Announced in steps of ten (40 %, 50 % …). */
  readonly percent = computed(() => Math.floor(this.fraction() * 10) * 10);
  readonly textKey = computed(() => `imports.progress.${this.stage()}`);
}
