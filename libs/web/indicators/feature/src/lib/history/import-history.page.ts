import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Permission, PlatformPermission, Role } from '@kraftsamling/shared/permissions';
import {
  CollaborationDetail,
  CollaborationService,
  MeStore,
  can,
} from '@kraftsamling/web/collaborations/data-access';
import { ImportBatch, IndicatorService, apiMessage } from '@kraftsamling/web/indicators/data-access';
import {
  formatDateTime,
  formatFileSize,
  formatValue,
  injectLanguage,
  periodLabel,
} from '@kraftsamling/web/indicators/ui';
import { AppError, loadOnChange, toAppError } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { openConfirmDialog } from '@kraftsamling/web/shared/ui/confirm-dialog';
import { Observable, from, map, switchMap } from 'rxjs';

/** Batches per page of the history. */
export const PAGE_SIZE = 100;

/** The API's source codes that have a name under `imports.sources`. */
const NAMED_SOURCES = ['AF', 'SCB', 'KOLADA', 'TEMPLATE', 'LOCAL'];

/** Every import batch, newest first, with who, when, what file and counts, and undo. */
@Component({
  selector: 'ks-import-history-page',
  imports: [RouterLink, MatButton, TranslocoPipe, PageStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="importHistory.heading"
      loadingKey="importHistory.loading"
      (retry)="page.reload(false)"
    />
    @if (data(); as data) {
      <div class="ks-page-header">
        <h1 tabindex="-1" #heading>{{ 'importHistory.heading' | transloco }}</h1>
        <p class="ks-lead">{{ 'importHistory.lead' | transloco }}</p>
        <p>
          <a [routerLink]="['/s', slug(), 'import']">{{ 'importHistory.importLink' | transloco }}</a>
        </p>
        @if (steward()) {
          <p>
            <a [routerLink]="['/s', slug(), 'import', 'hamtningar']" data-testid="source-fetches-link">{{
              'importHistory.fetchesLink' | transloco
            }}</a>
          </p>
        }
      </div>

      @if (actionError(); as error) {
        <div class="ks-form-error" role="alert">
          <p>{{ error.messageKey | transloco }}</p>
          @if (actionMessage(); as message) {
            <p>{{ 'imports.errors.serverMessage' | transloco: { message } }}</p>
          }
        </div>
      }

      @if (data.batches.length) {
        <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="history-caption">
          <table class="ks-table">
            <caption id="history-caption" class="ks-visually-hidden">
              {{
                'importHistory.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'importHistory.importedAt' | transloco }}</th>
                <th scope="col">{{ 'importHistory.importedBy' | transloco }}</th>
                <th scope="col">{{ 'importHistory.file' | transloco }}</th>
                <th scope="col">{{ 'importHistory.source' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'importHistory.inserted' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'importHistory.changed' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'importHistory.unchanged' | transloco }}</th>
                <th scope="col">{{ 'importHistory.changes' | transloco }}</th>
                <th scope="col">{{ 'importHistory.status' | transloco }}</th>
                <th scope="col">{{ 'importHistory.actions' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (batch of batches(); track batch.id; let i = $index) {
                <tr
                  [class.ks-undone]="batch.status === 'UNDONE'"
                  [attr.data-testid]="'batch-' + batch.format"
                >
                  <th
                    scope="row"
                    [attr.tabindex]="i === firstNew() ? -1 : null"
                    [class.ks-first-new]="i === firstNew()"
                  >
                    {{ when(batch.importedAt) }}
                  </th>
                  <td>{{ importedBy(batch) }}</td>
                  <td>
                    @if (batch.fileName) {
                      {{ batch.fileName }}
                      @if (batch.fileSize != null) {
                        <span class="ks-muted"> ({{ size(batch.fileSize) }})</span>
                      }
                      @if (batch.fileSha256) {
                        <div class="ks-muted" [title]="batch.fileSha256">
                          {{ 'importHistory.hash' | transloco: { hash: batch.fileSha256.slice(0, 12) } }}
                        </div>
                      }
                    } @else {
                      {{ 'importHistory.manual' | transloco }}
                    }
                  </td>
                  <td>{{ sourceLabel(batch) }}</td>
                  <td class="ks-num">{{ count(batch.inserted) }}</td>
                  <td class="ks-num">{{ count(batch.changed) }}</td>
                  <td class="ks-num">{{ count(batch.unchanged) }}</td>
                  <td>
                    @if (batch.changes?.length) {
                      <ul class="ks-changes" data-testid="batch-changes">
                        @for (change of changeViews(batch); track $index) {
                          <li>
                            {{ change.what }}:
                            @if (change.spoken) {
                              <span aria-hidden="true">{{ change.shown }}</span>
                              <span class="ks-visually-hidden">{{ change.spoken }}</span>
                            } @else {
                              {{ change.shown }}
                            }
                          </li>
                        }
                        @if (moreChanges(batch); as more) {
                          <li>{{ 'importHistory.moreChanges' | transloco: { count: more } }}</li>
                        }
                      </ul>
                    }
                  </td>
                  <td>
                    @if (batch.status === 'UNDONE') {
                      {{ 'importHistory.undoneAt' | transloco: { date: when(batch.undoneAt) } }}
                    } @else {
                      {{ 'importHistory.committed' | transloco }}
                    }
                  </td>
                  <td class="ks-actions">
                    @if (batch.status === 'COMMITTED' && mayUndo(data.collaboration, batch)) {
                      <button
                        mat-stroked-button
                        type="button"
                        class="ks-destructive-text"
                        [attr.aria-disabled]="busy() === batch.id"
                        [attr.aria-label]="
                          'importHistory.undoFor'
                            | transloco: { file: label(batch), date: when(batch.importedAt) }
                        "
                        (click)="undo(data.collaboration, batch)"
                      >
                        {{ 'importHistory.undo' | transloco }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="ks-muted" role="status">
          {{ 'importHistory.shown' | transloco: { count: batches().length } }}
        </p>
        @if (hasMore()) {
          <button
            mat-stroked-button
            type="button"
            data-testid="history-more"
            [attr.aria-disabled]="loadingMore()"
            (click)="showMore(data.collaboration)"
          >
            {{ 'importHistory.more' | transloco }}
          </button>
        }
        @if (moreError()) {
          <p class="ks-form-error" role="alert">{{ 'importHistory.moreFailed' | transloco }}</p>
        }
      } @else {
        <p class="ks-card">{{ 'importHistory.none' | transloco }}</p>
      }
    }
  `,
  styles: `
    .ks-num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .ks-undone {
      color: var(--mat-sys-on-surface-variant);
    }
    .ks-changes {
      margin: 0;
      padding-inline-start: 1rem;
      min-width: 16rem;
    }
  `,
})
export class ImportHistoryPage {
  readonly slug = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly meStore = inject(MeStore);
  private readonly indicators = inject(IndicatorService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly language = injectLanguage();
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  /**
   * Loads the history: official batches and the collaboration's own for those who import
   * here, official batches alone for a statistics steward who does not. A silent reload
   * (after an undo) keeps the table on screen.
   */
  protected readonly page = loadOnChange(
    this.slug,
    (slug) =>
      from(this.meStore.load()).pipe(
        switchMap(() => this.collaborations.collaboration(slug, true)),
        switchMap((collaboration) =>
          // One more than a page: whether there is a next page, without counting them all.
          this.batchesFor(collaboration, 0).pipe(
            map((batches) => {
              this.more.set([]);
              this.firstNew.set(null);
              this.moreError.set(false);
              this.hasMore.set(batches.length > PAGE_SIZE);
              return { collaboration, batches: batches.slice(0, PAGE_SIZE) };
            }),
          ),
        ),
      ),
    (data) => this.titles?.setDetail(data.collaboration.name),
  );
  readonly state = this.page.state;
  readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  /** A statistics steward also sees the fetches of official statistics (the API checks again). */
  readonly steward = computed(
    () => !!this.meStore.me() && this.meStore.canOnPlatform(PlatformPermission.OfficialImport),
  );
  /** The pages after the first, as "show more" brought them. */
  private readonly more = signal<ImportBatch[]>([]);
  readonly batches = computed(() => [...(this.data()?.batches ?? []), ...this.more()]);
  readonly hasMore = signal(false);
  readonly loadingMore = signal(false);
  readonly moreError = signal(false);
  /** The first row "show more" added, which takes the focus (null: none). */
  readonly firstNew = signal<number | null>(null);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The batch being undone. */
  readonly busy = signal<string | null>(null);
  readonly actionError = signal<AppError | null>(null);
  /** The API's own words for the failure, e.g. which later import to undo first. */
  readonly actionMessage = signal<string | null>(null);

  when(iso: string | null | undefined): string {
    return formatDateTime(iso, this.language());
  }

  count(value: number): string {
    return formatValue(value, 'COUNT', this.language());
  }

  size(bytes: number): string {
    return formatFileSize(bytes, this.language());
  }

  private batchesFor(collaboration: CollaborationDetail, offset: number): Observable<ImportBatch[]> {
    return can(collaboration.myPermissions, Permission.IndicatorImport)
      ? this.indicators.importBatches(collaboration.id, PAGE_SIZE + 1, offset)
      : this.indicators.officialImportBatches(PAGE_SIZE + 1, offset);
  }

  /** The next page, after those shown; the focus goes to its first row. */
  showMore(collaboration: CollaborationDetail): void {
    if (this.loadingMore()) return;
    const offset = this.batches().length;
    this.loadingMore.set(true);
    this.moreError.set(false);
    this.batchesFor(collaboration, offset).subscribe({
      next: (batches) => {
        this.loadingMore.set(false);
        this.hasMore.set(batches.length > PAGE_SIZE);
        this.more.update((shown) => [...shown, ...batches.slice(0, PAGE_SIZE)]);
        this.firstNew.set(offset);
        // After the rows are drawn: the first new one takes the focus, so keyboard users go on from there.
        setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.ks-first-new')?.focus());
      },
      error: () => {
        this.loadingMore.set(false);
        this.moreError.set(true);
      },
    });
  }

  /**
   * What an entry by hand changed, as people say it: "Deltagare i jobbspår, Helsingborg,
   * mars 2021: 3 → 4", and in words for screen readers ("från 3 till 4").
   */
  changeViews(batch: ImportBatch): { what: string; shown: string; spoken: string | null }[] {
    const language = this.language();
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const number = (value: number | null) =>
      value === null ? t('importHistory.noValue') : formatValue(value, 'OTHER', language);
    return (batch.changes ?? []).map((change) => {
      const what = [
        language === 'en' ? change.indicatorNameEn || change.indicatorNameSv : change.indicatorNameSv,
        change.areaName,
        periodLabel(change.period, language),
      ].join(', ');
      return change.hadValue
        ? {
            what,
            shown: `${number(change.oldValue)} → ${number(change.newValue)}`,
            spoken: t('importHistory.changedFromTo', {
              old: number(change.oldValue),
              new: number(change.newValue),
            }),
          }
        : {
            what,
            shown: t('importHistory.added', { new: number(change.newValue) }),
            spoken: null,
          };
    });
  }

  /** How many more values the entry changed than the history lists. */
  moreChanges(batch: ImportBatch): number {
    return Math.max(0, batch.inserted + batch.changed - (batch.changes?.length ?? 0));
  }

  /**
   * Who may undo a batch (a hint; the API decides): official statistics a statistics steward,
   * a manual entry its author or a coordinator, any other import of the collaboration those
   * who import here.
   */
  mayUndo(collaboration: CollaborationDetail, batch: ImportBatch): boolean {
    if (batch.collaborationId === null) return this.meStore.canOnPlatform(PlatformPermission.OfficialImport);
    if (!can(collaboration.myPermissions, Permission.IndicatorImport)) return false;
    if (batch.format !== 'MANUAL') return true;
    const me = this.meStore.me();
    return (
      (!!me && batch.importedBy?.id === me.id) ||
      !!me?.isPlatformAdmin ||
      collaboration.myRoles.includes(Role.Coordinator)
    );
  }

  /** The person who imported; for official statistics outside the steward role, their source. */
  importedBy(batch: ImportBatch): string {
    if (batch.importedBy?.name) return batch.importedBy.name;
    if (batch.collaborationId === null)
      return this.transloco.translate('importHistory.officialSource', { source: this.sourceName(batch) });
    return this.transloco.translate('importHistory.unknownUser');
  }

  private sourceName(batch: ImportBatch): string {
    return NAMED_SOURCES.includes(batch.source)
      ? this.transloco.translate(`imports.sources.${batch.source}`)
      : batch.source;
  }

  /** "SCB, JSON-stat (SCB)": the source and the file's kind, by name; for the collaboration's own values the kind alone. */
  sourceLabel(batch: ImportBatch): string {
    const source = this.sourceName(batch);
    if (!batch.format) return source;
    const key = `imports.formats.${batch.format}`;
    const format = this.transloco.translate(key);
    // A format this version does not name yet still shows, rather than a translation key.
    if (format === key) return `${source}, ${batch.format}`;
    // A collaboration's own values: the format says it all ("Importmall (CSV)", "Inmatat för hand").
    if (batch.source === 'TEMPLATE' || batch.source === 'LOCAL')
      return format.charAt(0).toLocaleUpperCase(this.language()) + format.slice(1);
    return `${source}, ${format}`;
  }

  /** What the user calls a batch: its file, or "entered by hand". */
  label(batch: ImportBatch): string {
    return batch.fileName ?? this.transloco.translate('importHistory.manual');
  }

  undo(collaboration: CollaborationDetail, batch: ImportBatch): void {
    if (this.busy()) return;
    this.actionError.set(null);
    this.actionMessage.set(null);
    const params = { file: this.label(batch), date: this.when(batch.importedAt) };
    openConfirmDialog(this.dialog, {
      titleKey: 'importHistory.confirm.title',
      messageKey: 'importHistory.confirm.message',
      confirmKey: 'importHistory.confirm.confirm',
      params,
      destructive: true,
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.busy.set(batch.id);
      // Official statistics are undone on the platform, not inside a collaboration.
      const undone =
        batch.collaborationId === null
          ? this.indicators.undoOfficialImport(batch.id)
          : this.indicators.undoImport({ collaborationId: collaboration.id, batchId: batch.id });
      undone.subscribe({
        next: () => {
          this.busy.set(null);
          this.snackBar.open(
            this.transloco.translate('importHistory.undone', params),
            this.transloco.translate('common.close'),
            { duration: 6000, politeness: 'polite' },
          );
          this.heading()?.nativeElement.focus();
          this.page.reload();
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.actionError.set(toAppError(error, { CONFLICT: 'importHistory.conflict' }));
          this.actionMessage.set(apiMessage(error));
          this.heading()?.nativeElement.focus();
          this.page.reload();
        },
      });
    });
  }
}
