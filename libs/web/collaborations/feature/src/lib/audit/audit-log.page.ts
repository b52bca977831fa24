import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  AUDIT_ENTITY_TYPES,
  AuditExportFormat,
  AuditLogService,
  CollaborationService,
} from '@kraftsamling/web/collaborations/data-access';
import { AuditEventFilter, loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { ErrorStateComponent, PageStateComponent } from '@kraftsamling/web/shared/ui';
import { map, switchMap } from 'rxjs';

export const AUDIT_PAGE_SIZE = 50;

/** The audit log of one collaboration for those with audit:read: filter, page, export. */
@Component({
  selector: 'ks-audit-log-page',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    ErrorStateComponent,
    PageStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log.page.html',
})
export class AuditLogPage {
  readonly slug = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly auditLog = inject(AuditLogService);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });

  protected readonly entityTypes = AUDIT_ENTITY_TYPES;
  protected readonly exportFormats: readonly AuditExportFormat[] = ['csv', 'xlsx'];
  protected readonly pageSize = AUDIT_PAGE_SIZE;

  readonly form = new FormGroup({
    person: new FormControl('', { nonNullable: true }),
    entityType: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  /** The filter the table shows: the form's values when it was last submitted. */
  readonly filter = signal<AuditEventFilter>({});
  readonly offset = signal(0);
  readonly exporting = signal<AuditExportFormat | null>(null);
  readonly exportFailed = signal(false);

  protected readonly page = loadOnChange(
    computed(() => ({ slug: this.slug(), filter: this.filter(), offset: this.offset() })),
    ({ slug, filter, offset }) =>
      this.collaborations
        .collaboration(slug, true)
        .pipe(
          switchMap((collaboration) =>
            this.auditLog
              .page(collaboration.id, filter, offset, AUDIT_PAGE_SIZE)
              .pipe(map((events) => ({ collaboration, events }))),
          ),
        ),
    ({ collaboration }) => this.titles?.setDetail(collaboration.name),
  );
  readonly state = this.page.state;

  readonly range = computed(() => {
    const state = this.state();
    if (state.status !== 'ready') return null;
    const total = state.data.events.totalCount;
    return {
      first: total === 0 ? 0 : this.offset() + 1,
      last: this.offset() + state.data.events.items.length,
      total,
    };
  });

  applyFilter(): void {
    const value = this.form.getRawValue();
    const filter: AuditEventFilter = {};
    if (value.person.trim()) filter.person = value.person.trim();
    if (value.entityType) filter.entityType = value.entityType;
    if (value.from) filter.from = value.from;
    if (value.to) filter.to = value.to;
    this.offset.set(0);
    this.filter.set(filter);
  }

  clearFilter(): void {
    this.form.reset();
    this.applyFilter();
  }

  previous(): void {
    this.offset.update((offset) => Math.max(0, offset - AUDIT_PAGE_SIZE));
  }

  next(): void {
    this.offset.update((offset) => offset + AUDIT_PAGE_SIZE);
  }

  /** The event's name in the reader's language; an event without a translation shows its code. */
  actionLabel(action: string): string {
    const key = `audit.actions.${action.replace(/[.-]/g, '_')}`;
    const label = this.transloco.translate(key);
    return label === key ? action : label;
  }

  entityLabel(entityType: string): string {
    const key = `audit.entityTypes.${entityType}`;
    const label = this.transloco.translate(key);
    return label === key ? entityType : label;
  }

  async export(collaborationId: string, format: AuditExportFormat): Promise<void> {
    this.exporting.set(format);
    this.exportFailed.set(false);
    try {
      const { blob, fileName } = await this.auditLog.export(
        collaborationId,
        this.filter(),
        format,
        this.transloco.getActiveLang(),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch {
      this.exportFailed.set(true);
    } finally {
      this.exporting.set(null);
    }
  }
}
