import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Role } from '@kraftsamling/shared/permissions';
import { PERIODICITIES, Periodicity } from '@kraftsamling/shared/periods';
import {
  CollaborationDetail,
  CollaborationService,
  MeStore,
  municipalitiesOf,
} from '@kraftsamling/web/collaborations/data-access';
import {
  EnterValuesResult,
  Indicator,
  IndicatorService,
  MunicipalityOption,
  apiMessage,
  changedEntries,
  editableMunicipalities,
  entryIndexOfField,
  indicatorName,
  indicatorPermissions,
  recentPeriods,
} from '@kraftsamling/web/indicators/data-access';
import { injectLanguage, periodLabel } from '@kraftsamling/web/indicators/ui';
import {
  AppError,
  LOADING,
  LoadState,
  isRetryable,
  loadOnChange,
  toAppError,
} from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { ErrorStateComponent, LoadingStateComponent, PageStateComponent } from '@kraftsamling/web/shared/ui';
import { Observable, Subscription, catchError, forkJoin, from, map, of, switchMap } from 'rxjs';
import { Grid, PERIOD_COUNTS, buildGrid, defaultPeriodCount, entryErrorKey } from './entry-grid';

interface EntryContext {
  collaboration: CollaborationDetail;
  /** the collaboration's local measured indicators: the grid's possible columns */
  indicators: Indicator[];
  municipalities: MunicipalityOption[];
}

/**
 * The manual entry grid: a municipality's local figures (participants in job tracks,
 * outcomes…) per period. Only changed cells are sent, each with the version that was
 * loaded; the API's field errors are shown at their cells.
 */
@Component({
  selector: 'ks-value-entry-page',
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
    TranslocoPipe,
    LoadingStateComponent,
    ErrorStateComponent,
    PageStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="valueEntry.heading"
      loadingKey="valueEntry.loading"
      (retry)="page.reload(false)"
    >
      @if (current.status === 'ready') {
        @let context = current.data;
        <div class="ks-page-header">
          <h1>{{ 'valueEntry.heading' | transloco }}</h1>
          <p class="ks-lead">{{ 'valueEntry.lead' | transloco }}</p>
          <p>
            <a [routerLink]="['/s', slug(), 'nyckeltal']">{{ 'indicators.indicator.back' | transloco }}</a>
          </p>
        </div>

        @if (!context.indicators.length) {
          <div class="ks-card" data-testid="entry-no-indicators">
            <p>{{ 'valueEntry.noIndicators' | transloco }}</p>
            @if (canManage()) {
              <p>
                <a
                  [routerLink]="['/s', slug(), 'nyckeltal', 'egna']"
                  data-testid="link-add-local-indicators"
                  >{{ 'valueEntry.addIndicators' | transloco }}</a
                >
              </p>
            }
          </div>
        } @else if (!context.municipalities.length) {
          <p class="ks-card">
            {{ 'valueEntry.noMunicipality' | transloco }}
          </p>
        } @else {
          <section class="ks-section" aria-labelledby="entry-settings-heading">
            <h2 id="entry-settings-heading" class="ks-visually-hidden">
              {{ 'valueEntry.settings' | transloco }}
            </h2>
            <div class="ks-entry-settings">
              <mat-form-field>
                <mat-label>{{ 'valueEntry.municipality' | transloco }}</mat-label>
                <mat-select
                  [formControl]="municipality"
                  (selectionChange)="loadGrid()"
                  data-testid="entry-municipality"
                >
                  @for (option of context.municipalities; track option.code) {
                    <mat-option [value]="option.code">{{ option.name }}</mat-option>
                  }
                </mat-select>
                <mat-hint>{{ 'valueEntry.municipalityHint' | transloco }}</mat-hint>
              </mat-form-field>
              @if (periodicities().length > 1) {
                <mat-form-field>
                  <mat-label>{{ 'valueEntry.periodicity' | transloco }}</mat-label>
                  <mat-select [formControl]="periodicity" (selectionChange)="onPeriodicityChange()">
                    @for (option of periodicities(); track option) {
                      <mat-option [value]="option">{{
                        'indicators.periodicities.' + option | transloco
                      }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
              }
              <mat-form-field>
                <mat-label>{{ 'valueEntry.periodCount' | transloco }}</mat-label>
                <mat-select [formControl]="periodCount" (selectionChange)="loadGrid()">
                  @for (count of countOptions(); track count) {
                    <mat-option [value]="count">{{
                      'valueEntry.periodCountOption' | transloco: { count }
                    }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            </div>
          </section>

          @let loaded = gridState();
          @if (loaded.status === 'loading') {
            <ks-loading-state labelKey="valueEntry.loadingValues" />
          } @else if (loaded.status === 'error') {
            <ks-error-state
              [messageKey]="loaded.error.messageKey"
              [retryable]="retryable(loaded.error)"
              (retry)="loadGrid()"
            />
          } @else {
            @let grid = loaded.data;
            <form [formGroup]="grid.form" (ngSubmit)="save()" novalidate>
              @if (error(); as failure) {
                <div class="ks-form-error" role="alert" data-testid="entry-error">
                  <p>{{ failure.messageKey | transloco: { count: invalidCount() } }}</p>
                  @if (serverMessage(); as message) {
                    <p>{{ 'imports.errors.serverMessage' | transloco: { message } }}</p>
                  }
                  @if (unshown().length) {
                    <ul>
                      @for (field of unshown(); track field.field) {
                        <li>{{ field.field }}: {{ field.message }}</li>
                      }
                    </ul>
                  }
                  @if (failure.code === 'CONFLICT') {
                    <button mat-flat-button type="button" (click)="reloadKeepingEdits()">
                      {{ 'valueEntry.errors.reload' | transloco }}
                    </button>
                  }
                </div>
              }
              <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="entry-caption">
                <table class="ks-table ks-entry-grid">
                  <caption id="entry-caption">
                    {{
                      'valueEntry.caption' | transloco: { municipality: municipalityName(grid.areaCode) }
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ 'valueEntry.period' | transloco }}</th>
                      @for (indicator of grid.columns; track indicator.code) {
                        <th scope="col">
                          {{ name(indicator) }}
                          <span class="ks-muted ks-unit">{{
                            'indicators.units.' + indicator.unit | transloco
                          }}</span>
                        </th>
                      }
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of grid.rows; track row.period) {
                      <tr>
                        <th scope="row">{{ row.label }}</th>
                        @for (cell of row.cells; track cell.key) {
                          <td>
                            <label class="ks-visually-hidden" [for]="cell.id">{{ cell.label }}</label>
                            <mat-form-field class="ks-entry-field">
                              <input
                                matInput
                                [id]="cell.id"
                                [formControl]="cell.control"
                                [placeholder]="cell.storedRange ?? ''"
                                inputmode="decimal"
                                autocomplete="off"
                              />
                              <mat-error>{{
                                errorKey(cell.control) | transloco: { message: server(cell.control) }
                              }}</mat-error>
                            </mat-form-field>
                          </td>
                        }
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              <div class="ks-entry-actions">
                <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="entry-save">
                  {{ (busy() ? 'valueEntry.saving' : 'valueEntry.save') | transloco }}
                </button>
                <button mat-button type="button" (click)="loadGrid()">
                  {{ 'valueEntry.reset' | transloco }}
                </button>
                <span class="ks-muted" data-testid="entry-change-count">
                  @if (changes().length) {
                    {{ 'valueEntry.changes' | transloco: { count: changes().length } }}
                  } @else {
                    {{ 'valueEntry.noChanges' | transloco }}
                  }
                </span>
              </div>
            </form>
          }
          <p role="status" class="ks-entry-status" data-testid="entry-status">
            @if (saved(); as result) {
              {{
                'valueEntry.saved'
                  | transloco
                    : { inserted: result.inserted, changed: result.changed, unchanged: result.unchanged }
              }}
            } @else if (nothingToSave()) {
              {{ 'valueEntry.noChanges' | transloco }}
            }
          </p>
        }
      }
    </ks-page-state>
  `,
  styles: `
    .ks-entry-settings {
      display: flex;
      align-items: flex-start;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
    }
    .ks-entry-grid caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 0.5rem;
    }
    .ks-entry-grid td {
      padding: 0.25rem 0.5rem;
      vertical-align: top;
    }
    .ks-entry-grid thead th {
      vertical-align: bottom;
    }
    /* The period column stays in place while the indicators' fields scroll past it (on a
       phone the grid is wider than the screen and scrolls in its own region); opaque, so
       the fields slide under it. */
    .ks-entry-grid tbody th,
    .ks-entry-grid thead th:first-child {
      position: sticky;
      inset-inline-start: 0;
      z-index: 2;
      background: var(--mat-sys-surface);
    }
    .ks-entry-grid tbody th {
      white-space: nowrap;
    }
    .ks-entry-field {
      width: 8rem;
    }
    .ks-unit {
      display: block;
      font-weight: 400;
    }
    .ks-entry-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .ks-entry-status:empty {
      display: none;
    }
  `,
})
export class ValueEntryPage {
  readonly slug = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly indicators = inject(IndicatorService);
  private readonly meStore = inject(MeStore);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly language = injectLanguage();

  protected readonly page = loadOnChange(
    this.slug,
    (slug) => this.entryContext(slug),
    (context) => this.start(context),
  );
  readonly state = this.page.state;
  readonly gridState = signal<LoadState<Grid>>(LOADING);

  readonly municipality = new FormControl<string | null>(null);
  readonly periodicity = new FormControl<Periodicity>('MONTH', { nonNullable: true });
  readonly periodCount = new FormControl(defaultPeriodCount('MONTH'), { nonNullable: true });
  private readonly selectedPeriodicity = signal<Periodicity>('MONTH');

  readonly busy = signal(false);
  readonly error = signal<AppError | null>(null);
  readonly serverMessage = signal<string | null>(null);
  readonly unshown = signal<AppError['fields']>([]);
  readonly invalidCount = signal(0);
  readonly saved = signal<EnterValuesResult | null>(null);
  readonly nothingToSave = signal(false);
  /** Bumped on every keystroke in the grid, so `changes` follows the inputs. */
  private readonly revision = signal(0);

  private readonly context = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  /** A coordinator, who can add the local indicators the grid needs. */
  readonly canManage = computed(
    () => indicatorPermissions(this.context()?.collaboration.myPermissions).canManage,
  );
  readonly periodicities = computed(() => {
    const present = new Set(this.context()?.indicators.map((indicator) => indicator.periodicity));
    return PERIODICITIES.filter((periodicity) => present.has(periodicity));
  });
  readonly countOptions = computed(() => PERIOD_COUNTS[this.selectedPeriodicity()]);
  readonly changes = computed(() => {
    this.revision();
    const state = this.gridState();
    return state.status === 'ready' ? changedEntries(state.data.cells, (cell) => cell.control.value) : [];
  });

  protected readonly retryable = isRetryable;
  protected readonly errorKey = entryErrorKey;
  private gridSubscription: Subscription | null = null;
  private formSubscription: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.gridSubscription?.unsubscribe();
      this.formSubscription?.unsubscribe();
    });
  }

  private entryContext(slug: string): Observable<EntryContext> {
    return forkJoin({
      collaboration: this.collaborations.collaboration(slug, true),
      me: from(this.meStore.load()),
    }).pipe(
      switchMap(({ collaboration, me }) =>
        forkJoin({
          indicators: this.indicators.indicators(collaboration.id, 'LOCAL'),
          own: this.ownMunicipalityCodes(slug, collaboration, me),
        }).pipe(
          map(({ indicators, own }) => {
            const all = municipalitiesOf(collaboration.organizations)
              .filter((organization) => !!organization.municipalityCode)
              .map((organization) => ({ code: organization.municipalityCode!, name: organization.name }));
            const municipalities =
              own === null
                ? all
                : editableMunicipalities({
                    municipalities: all,
                    roles: collaboration.myRoles,
                    isPlatformAdmin: !!me?.isPlatformAdmin,
                    ownMunicipalityCodes: own,
                  });
            const local = indicators.filter(
              (indicator) => indicator.source === 'LOCAL' && indicator.kind === 'MEASURED',
            );
            return { collaboration, indicators: local, municipalities };
          }),
        ),
      ),
    );
  }

  /** Once loaded: the first municipality, months if there are monthly indicators, and its grid. */
  private start(context: EntryContext): void {
    this.titles?.setDetail(context.collaboration.name);
    this.municipality.setValue(context.municipalities[0]?.code ?? null);
    const periodicities = this.periodicities();
    const periodicity = periodicities.includes('MONTH') ? 'MONTH' : (periodicities[0] ?? 'MONTH');
    this.periodicity.setValue(periodicity);
    this.onPeriodicityChange();
  }

  /**
   * The municipalities of the user's municipal-editor memberships; [] for a coordinator
   * (who may enter for all); null when they cannot be told (then every member municipality
   * is offered and the API refuses the others).
   */
  private ownMunicipalityCodes(
    slug: string,
    collaboration: CollaborationDetail,
    me: { id: string; isPlatformAdmin: boolean } | null,
  ): Observable<string[] | null> {
    if (!me) return of(null);
    if (me.isPlatformAdmin || collaboration.myRoles.includes(Role.Coordinator)) return of([]);
    return this.collaborations.members(slug).pipe(
      map((admin) =>
        admin.members
          .filter((member) => member.user?.id === me.id && member.role === Role.MunicipalEditor)
          .map((member) => member.organization?.municipalityCode)
          .filter((code): code is string => !!code),
      ),
      catchError(() => of(null)),
    );
  }

  onPeriodicityChange(): void {
    const periodicity = this.periodicity.value;
    this.selectedPeriodicity.set(periodicity);
    this.periodCount.setValue(defaultPeriodCount(periodicity));
    this.loadGrid();
  }

  /**
   * Loads the grid for the chosen municipality and periods. `silent` keeps the grid on
   * screen while it reloads (after a save); `keep` puts back what the user had typed.
   */
  loadGrid(
    options: {
      silent?: boolean;
      keep?: ReadonlyMap<string, string>;
      keepTyped?: boolean;
      settled?: () => void;
    } = {},
  ): void {
    const { silent = false, keep, keepTyped = false, settled } = options;
    const context = this.context();
    const areaCode = this.municipality.value;
    if (!context || !areaCode) return settled?.();
    const periodicity = this.periodicity.value;
    const columns = context.indicators.filter((indicator) => indicator.periodicity === periodicity);
    const periods = recentPeriods(periodicity, this.periodCount.value);
    this.gridSubscription?.unsubscribe();
    this.error.set(null);
    this.serverMessage.set(null);
    this.unshown.set([]);
    this.nothingToSave.set(false);
    if (!silent || this.gridState().status !== 'ready') this.gridState.set(LOADING);
    const language = this.language();
    this.gridSubscription = forkJoin(
      columns.map((indicator) =>
        this.indicators.series(context.collaboration.id, indicator.code, {
          areaCodes: [areaCode],
          from: periods[periods.length - 1],
          to: periods[0],
        }),
      ),
    ).subscribe({
      next: (series) => {
        const grid = buildGrid({
          areaCode,
          columns,
          series,
          periods,
          language,
          name: (indicator) => this.name(indicator),
          periodLabel: (period) => periodLabel(period, language),
          keep: keep ?? (keepTyped ? this.typedCells() : undefined),
        });
        this.formSubscription?.unsubscribe();
        this.formSubscription = grid.form.valueChanges.subscribe(() => this.revision.update((n) => n + 1));
        this.gridState.set({ status: 'ready', data: grid });
        settled?.();
      },
      error: (error: unknown) => {
        this.gridState.set({ status: 'error', error: toAppError(error) });
        settled?.();
      },
    });
  }

  /** The cells typed in since the grid was loaded or saved, by key. */
  private typedCells(): ReadonlyMap<string, string> | undefined {
    const state = this.gridState();
    if (state.status !== 'ready') return undefined;
    return new Map(
      state.data.cells.filter((cell) => cell.control.dirty).map((cell) => [cell.key, cell.control.value]),
    );
  }

  /** After a conflict: fresh values and versions, with what the user typed put back. */
  reloadKeepingEdits(): void {
    const state = this.gridState();
    if (state.status !== 'ready') return;
    const changed = new Set(this.changes().map((change) => `${change.indicatorCode}@${change.period}`));
    const keep = new Map(
      state.data.cells.filter((cell) => changed.has(cell.key)).map((cell) => [cell.key, cell.control.value]),
    );
    this.loadGrid({ silent: true, keep });
  }

  save(): void {
    const state = this.gridState();
    const context = this.context();
    if (this.busy() || state.status !== 'ready' || !context) return;
    const grid = state.data;
    this.error.set(null);
    this.serverMessage.set(null);
    this.unshown.set([]);
    this.saved.set(null);
    this.nothingToSave.set(false);
    // Drop the API's errors from the last save; the client-side rules run again.
    for (const cell of grid.cells) cell.control.updateValueAndValidity({ emitEvent: false });
    grid.form.markAllAsTouched();
    const invalid = grid.cells.filter((cell) => cell.control.invalid).length;
    if (invalid) {
      this.invalidCount.set(invalid);
      this.error.set({ code: 'BAD_USER_INPUT', messageKey: 'valueEntry.errors.summary', fields: [] });
      this.focusFirstInvalid();
      return;
    }
    const values = changedEntries(grid.cells, (cell) => cell.control.value);
    if (!values.length) {
      this.nothingToSave.set(true);
      return;
    }
    this.busy.set(true);
    this.indicators
      .enterValues({ collaborationId: context.collaboration.id, areaCode: grid.areaCode, values })
      .subscribe({
        next: (result) => {
          this.saved.set(result);
          // What the user types while the saved values are read back is theirs: it is put
          // back over the fresh grid (a cell left alone since the save is not dirty). Saving
          // waits for that grid, whose versions are the ones just written.
          grid.form.markAsPristine();
          this.loadGrid({ silent: true, keepTyped: true, settled: () => this.busy.set(false) });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const appError = toAppError(error, {
            CONFLICT: 'valueEntry.errors.conflict',
            FORBIDDEN: 'valueEntry.errors.forbidden',
          });
          const unshown: AppError['fields'] = [];
          let shown = 0;
          for (const field of appError.fields) {
            const index = entryIndexOfField(field.field);
            const sent = index === null ? undefined : values[index];
            const cell =
              sent &&
              grid.cells.find((c) => c.indicatorCode === sent.indicatorCode && c.period === sent.period);
            if (cell) {
              cell.control.setErrors({ server: field.message });
              cell.control.markAsTouched();
              shown += 1;
            } else {
              unshown.push(field);
            }
          }
          this.invalidCount.set(shown);
          this.unshown.set(unshown);
          this.error.set(appError);
          // The API's words name the values (which ones someone else changed, why one is refused).
          if (appError.code !== 'BAD_USER_INPUT') this.serverMessage.set(apiMessage(error));
          this.revision.update((n) => n + 1);
          if (shown) this.focusFirstInvalid();
        },
      });
  }

  name(indicator: Indicator): string {
    return indicatorName(indicator, this.language());
  }

  /** The name of the municipality whose values the grid shows. */
  municipalityName(code: string): string {
    return this.context()?.municipalities.find((option) => option.code === code)?.name ?? code;
  }

  server(control: FormControl<string>): string | null {
    const message = control.errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid')?.focus());
  }
}
