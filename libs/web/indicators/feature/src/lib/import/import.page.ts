import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import { CollaborationService, MeStore, can } from '@kraftsamling/web/collaborations/data-access';
import {
  AfSeriesChoice,
  IMPORT_FILE_SOURCES,
  ImportFailure,
  ImportFileSource,
  ImportReport,
  ImportUploadService,
} from '@kraftsamling/web/indicators/data-access';
import { formatFileSize, injectLanguage, shortId } from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent, saveFile } from '@kraftsamling/web/shared/ui';
import { Subscription } from 'rxjs';
import { ImportProgressComponent, ImportProgressStage } from './import-progress.component';
import { ImportReportComponent } from './import-report.component';

/** File types the importer reads: the employment agency's workbook, JSON from SCB and Kolada, the template. */
export const ACCEPTED_FILES = '.xlsx,.xlsm,.csv,.json';

/**
 * Whose values a file holds: the collaboration's own figures (a template, `indicator:import`
 * there) or official statistics (platform data; the realm role statistics-steward).
 */
export type ImportTarget = 'local' | 'official';

/** What a run was made with; a commit needs a clean dry run with exactly these. */
interface RunSettings {
  target: ImportTarget;
  file: File;
  source: ImportFileSource;
  afSeries: AfSeriesChoice | null;
  partial: boolean;
  publishedAt: string | null;
}

function sameSettings(a: RunSettings | null, b: RunSettings | null): boolean {
  return (
    !!a &&
    !!b &&
    a.target === b.target &&
    a.file === b.file &&
    a.source === b.source &&
    a.afSeries === b.afSeries &&
    a.partial === b.partial &&
    a.publishedAt === b.publishedAt
  );
}

/** The last run: its settings and what the server answered. */
interface RunResult {
  settings: RunSettings;
  report: ImportReport;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Imports a statistics file: choose the source, drop or pick the file, do a dry run that
 * shows the counts and every problem, then import (only after a clean dry run of the same
 * file), watching the progress the server streams.
 */
@Component({
  selector: 'ks-import-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatCheckbox,
    TranslocoPipe,
    PageStateComponent,
    ImportProgressComponent,
    ImportReportComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state [state]="current" headingKey="imports.heading" (retry)="page.reload(false)">
      @if (current.status === 'ready') {
        <div class="ks-page-header">
          <h1>{{ 'imports.heading' | transloco }}</h1>
          <p class="ks-lead">{{ 'imports.lead' | transloco }}</p>
          <p>
            <a [routerLink]="['/s', slug(), 'import', 'historik']">{{ 'imports.historyLink' | transloco }}</a>
          </p>
        </div>

        <form [formGroup]="form" class="ks-form ks-import-form" novalidate (submit)="$event.preventDefault()">
          @if (targets().length > 1) {
            <fieldset class="ks-fieldset">
              <legend>{{ 'imports.target.legend' | transloco }}</legend>
              <mat-radio-group
                formControlName="target"
                class="ks-radios"
                data-testid="import-target"
                (change)="onTargetChange()"
              >
                @for (target of targets(); track target) {
                  <mat-radio-button [value]="target">{{
                    'imports.target.' + target | transloco
                  }}</mat-radio-button>
                }
              </mat-radio-group>
            </fieldset>
          }
          @if (values().source === 'kolada') {
            <p>
              <mat-checkbox
                formControlName="partial"
                aria-describedby="import-partial-hint"
                data-testid="import-partial"
              >
                {{ 'imports.partial.label' | transloco }}
              </mat-checkbox>
            </p>
            <p id="import-partial-hint">{{ 'imports.partial.hint' | transloco }}</p>
          }
          <p class="ks-muted" data-testid="import-target-hint">
            {{
              (values().target === 'official' ? 'imports.target.officialHint' : 'imports.target.localHint')
                | transloco
            }}
          </p>
          @if (values().target !== 'official') {
            <div class="ks-template-download" role="group" aria-labelledby="import-template-label">
              <span id="import-template-label">{{ 'imports.template.label' | transloco }}</span>
              <button
                mat-stroked-button
                type="button"
                (click)="downloadTemplate('xlsx')"
                data-testid="import-template-xlsx"
              >
                {{ 'imports.template.xlsx' | transloco }}
              </button>
              <button
                mat-stroked-button
                type="button"
                (click)="downloadTemplate('csv')"
                data-testid="import-template-csv"
              >
                {{ 'imports.template.csv' | transloco }}
              </button>
              @if (templateFailed()) {
                <p role="alert" class="ks-error-text">{{ 'imports.template.failed' | transloco }}</p>
              }
            </div>
          }
          <div class="ks-import-fields">
            <mat-form-field>
              <mat-label>{{ 'imports.source.label' | transloco }}</mat-label>
              <mat-select formControlName="source" required data-testid="import-source">
                @for (source of sources(); track source) {
                  <mat-option [value]="source">{{ 'imports.source.' + source | transloco }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ 'imports.source.required' | transloco }}</mat-error>
            </mat-form-field>

            <mat-form-field>
              <mat-label>{{ 'imports.publishedAt.label' | transloco }}</mat-label>
              <input matInput type="date" formControlName="publishedAt" />
              <mat-hint>{{ 'imports.publishedAt.hint' | transloco }}</mat-hint>
              <mat-error>{{ 'imports.publishedAt.hint' | transloco }}</mat-error>
            </mat-form-field>
          </div>

          @if (values().source === 'af') {
            <fieldset class="ks-fieldset">
              <legend>{{ 'imports.afSeries.legend' | transloco }}</legend>
              <mat-radio-group formControlName="afSeries" class="ks-radios" data-testid="import-af-series">
                <mat-radio-button value="auto">{{ 'imports.afSeries.auto' | transloco }}</mat-radio-button>
                <mat-radio-button value="reg">{{ 'imports.afSeries.reg' | transloco }}</mat-radio-button>
                <mat-radio-button value="bas">{{ 'imports.afSeries.bas' | transloco }}</mat-radio-button>
              </mat-radio-group>
            </fieldset>
          }

          <div
            class="ks-dropzone"
            [class.ks-dropzone--over]="dragOver()"
            [class.ks-dropzone--invalid]="fileError()"
            (dragover)="onDragOver($event)"
            (dragleave)="dragOver.set(false)"
            (drop)="onDrop($event)"
            data-testid="import-dropzone"
          >
            <label for="import-file" class="ks-strong">{{ 'imports.file.label' | transloco }}</label>
            <p id="import-file-hint" class="ks-muted">
              {{ 'imports.file.drop' | transloco }} {{ 'imports.file.accept' | transloco }}
            </p>
            <input
              #fileInput
              id="import-file"
              type="file"
              [accept]="accepted"
              (change)="onFileChosen($event)"
              [attr.aria-invalid]="fileError() ? 'true' : null"
              aria-describedby="import-file-hint import-file-status import-file-error"
            />
            <p id="import-file-status">
              @if (file(); as chosen) {
                {{ 'imports.file.chosen' | transloco: { name: chosen.name, size: size(chosen.size) } }}
              } @else {
                {{ 'imports.file.none' | transloco }}
              }
            </p>
            <p id="import-file-error" class="ks-field-error">
              @if (fileError()) {
                {{ 'imports.file.required' | transloco }}
              }
            </p>
          </div>

          @if (overwritesToConfirm(); as count) {
            <p>
              <mat-checkbox
                [checked]="overwriteConfirmed()"
                (change)="overwriteConfirmed.set($event.checked)"
                data-testid="import-confirm-overwrite"
              >
                {{ 'imports.confirmOverwrite' | transloco: { count } }}
              </mat-checkbox>
            </p>
          }
          <div class="ks-import-actions">
            <button
              mat-stroked-button
              type="button"
              (click)="run(true)"
              [attr.aria-disabled]="busy()"
              data-testid="import-dry-run"
            >
              {{ (busy() && runningDry() ? 'imports.busy' : 'imports.dryRun') | transloco }}
            </button>
            <button
              mat-flat-button
              type="button"
              (click)="run(false)"
              [disabled]="!canCommit() || busy()"
              aria-describedby="import-commit-hint"
              data-testid="import-commit"
            >
              {{ (busy() && !runningDry() ? 'imports.busy' : 'imports.commit') | transloco }}
            </button>
          </div>
          <p id="import-commit-hint" class="ks-muted">
            @if (staleDryRun()) {
              {{ 'imports.changedSinceDryRun' | transloco }}
            } @else if (overwritesToConfirm() && !overwriteConfirmed()) {
              {{ 'imports.confirmFirst' | transloco }}
            } @else {
              {{ 'imports.commitHint' | transloco }}
            }
          </p>
        </form>

        @if (progress(); as step) {
          <ks-import-progress [stage]="step.stage" [fraction]="step.fraction" />
        }

        @if (failure(); as error) {
          <div class="ks-form-error" role="alert">
            <p>{{ error.messageKey | transloco }}</p>
            @if (error.message) {
              <p>{{ 'imports.errors.serverMessage' | transloco: { message: error.message } }}</p>
            }
            @if (error.fields.length) {
              <ul>
                @for (field of error.fields; track field.field) {
                  <li>{{ field.field }}: {{ field.message }}</li>
                }
              </ul>
            }
          </div>
        }

        @if (result(); as last) {
          <section class="ks-section ks-import-result" aria-labelledby="import-result-heading">
            <h2 id="import-result-heading" tabindex="-1" #resultHeading>
              {{
                (last.report.dryRun ? 'imports.report.dryRunHeading' : 'imports.report.commitHeading')
                  | transloco
              }}
            </h2>
            @if (last.report.catalogue; as catalogue) {
              <p class="ks-success" data-testid="import-catalogue">
                {{
                  (last.report.dryRun ? 'imports.report.catalogueDryRun' : 'imports.report.catalogue')
                    | transloco
                      : {
                          added: catalogue.added,
                          updated: catalogue.updated,
                          unchanged: catalogue.unchanged,
                          curated: catalogue.curated,
                        }
                }}
              </p>
            } @else if (last.report.nothingMatched; as unmatched) {
              <p class="ks-nothing-matched" role="status" data-testid="import-nothing-matched">
                <strong>{{ 'imports.report.nothingMatchedTitle' | transloco }}</strong>
                {{
                  'imports.report.nothingMatched'
                    | transloco: { count: unmatched.series, examples: unmatched.examples.join(', ') }
                }}
                @if (last.settings.source === 'scb' && targets().includes('official')) {
                  <a [routerLink]="['/s', slug(), 'import', 'scb-tabell']" data-testid="import-define-scb">{{
                    'imports.report.defineScb' | transloco
                  }}</a>
                }
              </p>
            } @else if (!last.report.dryRun && !last.report.problems.length) {
              <p class="ks-success" data-testid="import-success">
                @if (last.report.batchId) {
                  {{
                    'imports.success'
                      | transloco
                        : {
                            batch: short(last.report.batchId),
                            inserted: last.report.inserted,
                            changed: last.report.changed,
                            unchanged: last.report.unchanged,
                          }
                  }}
                } @else {
                  {{ 'imports.successNothing' | transloco }}
                }
              </p>
            } @else if (last.report.dryRun && !last.report.problems.length) {
              <p class="ks-success" data-testid="import-clean">
                {{
                  (last.report.inserted + last.report.changed
                    ? 'imports.report.clean'
                    : 'imports.report.nothingToDo'
                  ) | transloco
                }}
              </p>
            }
            <ks-import-report [report]="last.report" />
          </section>
        }
      }
    </ks-page-state>
  `,
  styles: `
    .ks-template-download {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-bottom: 1rem;
    }
    .ks-import-form {
      max-width: 56rem;
    }
    .ks-import-fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr));
      align-items: start;
      gap: 0.75rem 1rem;
      margin-bottom: 1rem;
    }
    .ks-import-result {
      margin-top: 2rem;
    }
    .ks-nothing-matched {
      border-left: 4px solid var(--ks-warning-border, #8a5300);
      padding: 0.5rem 1rem;
      strong {
        display: block;
      }
    }
    .ks-fieldset {
      border: none;
      padding: 0;
      margin: 0 0 1rem;
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }
    }
    .ks-radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .ks-dropzone {
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      padding: 1rem;
      margin-bottom: 1rem;
      p {
        margin: 0.25rem 0;
      }
      input {
        margin: 0.5rem 0;
        max-width: 100%;
      }
    }
    .ks-dropzone--over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .ks-dropzone--invalid {
      border-color: var(--mat-sys-error);
    }
    .ks-field-error {
      color: var(--mat-sys-error);
    }
    .ks-import-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .ks-success {
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
      padding: 0.75rem 1rem;
      border-radius: 4px;
    }
  `,
})
export class ImportPage {
  readonly slug = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly meStore = inject(MeStore);
  private readonly uploads = inject(ImportUploadService);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly language = injectLanguage();
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  protected readonly page = loadOnChange(
    this.slug,
    (slug) => this.collaborations.collaboration(slug, true),
    (collaboration) => this.titles?.setDetail(collaboration.name),
  );
  readonly state = this.page.state;
  /** What this user may import here (a hint: the API decides): local figures, official statistics or both. */
  readonly targets = computed<ImportTarget[]>(() => {
    const state = this.state();
    const local = state.status === 'ready' && can(state.data.myPermissions, Permission.IndicatorImport);
    const official = this.meStore.canOnPlatform(PlatformPermission.OfficialImport);
    return [...(local ? (['local'] as const) : []), ...(official ? (['official'] as const) : [])];
  });
  readonly accepted = ACCEPTED_FILES;

  readonly form = new FormGroup({
    target: new FormControl<ImportTarget>('local', { nonNullable: true }),
    source: new FormControl<ImportFileSource | null>(null, Validators.required),
    afSeries: new FormControl<'auto' | AfSeriesChoice>('auto', { nonNullable: true }),
    partial: new FormControl(false, { nonNullable: true }),
    publishedAt: new FormControl('', { nonNullable: true, validators: Validators.pattern(DATE) }),
  });
  readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  readonly file = signal<File | null>(null);
  readonly attempted = signal(false);
  readonly fileError = computed(() => this.attempted() && !this.file());
  readonly dragOver = signal(false);

  readonly busy = signal(false);
  /** The last template download failed (the message says to try again). */
  readonly templateFailed = signal(false);
  readonly runningDry = signal(true);
  readonly progress = signal<{ stage: ImportProgressStage; fraction: number } | null>(null);
  readonly failure = signal<ImportFailure | null>(null);
  readonly result = signal<RunResult | null>(null);
  /** The user confirmed overwriting the values entered by hand the last dry run listed. */
  readonly overwriteConfirmed = signal(false);
  /** Only the template holds a collaboration's own figures; the official sources are platform data. */
  readonly sources = computed(() =>
    this.values().target === 'official' ? IMPORT_FILE_SOURCES : (['template'] as const),
  );

  /** The settings on screen now; null until a source and a file are chosen. */
  private readonly settings = computed<RunSettings | null>(() => {
    const values = this.values();
    const file = this.file();
    if (!file || !values.source) return null;
    return {
      target: values.target ?? 'local',
      file,
      source: values.source,
      afSeries:
        values.source === 'af' && values.afSeries && values.afSeries !== 'auto' ? values.afSeries : null,
      partial: values.source === 'kolada' && !!values.partial,
      publishedAt: values.publishedAt || null,
    };
  });
  /** How many values entered by hand the clean dry run of these settings would change (0: none). */
  readonly overwritesToConfirm = computed(() => {
    const last = this.result();
    return last?.report.dryRun &&
      !last.report.problems.length &&
      last.report.confirmationToken &&
      sameSettings(last.settings, this.settings())
      ? last.report.manualOverwrites.length
      : 0;
  });
  /**
   * Import only after a dry run without problems of exactly this file and these settings,
   * and after confirming any values entered by hand that it would overwrite.
   */
  readonly canCommit = computed(() => {
    const last = this.result();
    return (
      !!last &&
      last.report.dryRun &&
      last.report.problems.length === 0 &&
      sameSettings(last.settings, this.settings()) &&
      (!this.overwritesToConfirm() || this.overwriteConfirmed())
    );
  });
  readonly staleDryRun = computed(() => {
    const last = this.result();
    return !!last && last.report.dryRun && !sameSettings(last.settings, this.settings());
  });
  protected readonly short = shortId;
  private upload: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
    void this.meStore.load();
    // Start on what this user may import: a steward without import rights here imports official statistics.
    // Only once the collaboration has answered: before that a steward's targets are only
    // ['official'], and choosing it then would leave an analyst on official statistics.
    effect(() => {
      const targets = this.targets();
      if (this.state().status === 'loading') return;
      if (targets.length && !targets.includes(this.form.controls.target.value)) {
        this.form.controls.target.setValue(targets[0]!);
        this.onTargetChange();
      }
    });
  }

  /** A source the chosen target does not take (e.g. AF for local figures) is cleared. */
  /** Downloads the collaboration's empty import template (the workbook lists the codes). */
  async downloadTemplate(format: 'xlsx' | 'csv'): Promise<void> {
    const collaboration = this.state();
    if (collaboration.status !== 'ready') return;
    this.templateFailed.set(false);
    try {
      const blob = await this.uploads.template(collaboration.data.id, format, this.language());
      saveFile(blob, `${this.transloco.translate('imports.template.fileName')}.${format}`);
    } catch {
      this.templateFailed.set(true);
    }
  }

  onTargetChange(): void {
    const source = this.form.controls.source.value;
    if (source && !(this.sources() as readonly string[]).includes(source))
      this.form.controls.source.setValue(null);
  }

  size(bytes: number): string {
    return formatFileSize(bytes, this.language());
  }

  onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
  }

  onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragOver.set(true);
  }

  onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const files = event.dataTransfer?.files;
    const file = files?.[0];
    if (!file) return;
    this.file.set(file);
    // Show the dropped file in the file input too, where the browser allows it.
    const input = this.fileInput()?.nativeElement;
    try {
      if (input && files) input.files = files;
    } catch {
      // Older browsers keep the input empty; the status line below it names the file.
    }
  }

  /** A dry run (`dryRun`), or the import itself after a clean dry run of the same settings. */
  run(dryRun: boolean): void {
    if (this.busy()) return;
    this.attempted.set(true);
    this.form.markAllAsTouched();
    const settings = this.settings();
    const collaboration = this.state();
    if (this.form.invalid || !settings || collaboration.status !== 'ready') {
      this.focusFirstProblem();
      return;
    }
    if (!dryRun && !this.canCommit()) return;
    const confirmationToken = dryRun ? null : (this.result()?.report.confirmationToken ?? null);

    this.busy.set(true);
    this.runningDry.set(dryRun);
    this.failure.set(null);
    this.result.set(null);
    this.overwriteConfirmed.set(false);
    this.progress.set({ stage: 'uploading', fraction: 0 });
    this.upload?.unsubscribe();
    this.upload = this.uploads
      .upload({
        // Official statistics belong to no collaboration: they go to the official route.
        collaborationId: settings.target === 'official' ? null : collaboration.data.id,
        confirmationToken,
        source: settings.source,
        afSeries: settings.afSeries,
        partial: settings.partial,
        publishedAt: settings.publishedAt,
        dryRun,
        file: settings.file,
      })
      .subscribe({
        next: (event) => {
          if (event.type === 'uploading') this.progress.set({ stage: 'uploading', fraction: 0 });
          else if (event.type === 'progress')
            this.progress.set({ stage: event.stage, fraction: event.fraction });
          else this.result.set({ settings, report: event.report });
        },
        error: (failure: ImportFailure) => {
          this.busy.set(false);
          this.progress.set(null);
          this.failure.set(failure);
        },
        complete: () => {
          this.busy.set(false);
          this.progress.set(null);
          // Move to the result so screen-reader users hear it and everyone sees it.
          setTimeout(() => this.resultHeading()?.nativeElement.focus());
        },
      });
  }

  private focusFirstProblem(): void {
    const host = this.host.nativeElement;
    const invalid = host.querySelector<HTMLElement>('mat-select.ng-invalid, input.ng-invalid');
    if (invalid) invalid.focus();
    else if (!this.file()) this.fileInput()?.nativeElement.focus();
  }
}
