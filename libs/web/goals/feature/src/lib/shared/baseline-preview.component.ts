import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { GoalService, PreviewMember } from '@kraftsamling/web/goals/data-access';
import { formatQuantity } from '@kraftsamling/web/goals/ui';
import { injectLanguage, periodLabel } from '@kraftsamling/web/indicators/ui';
import { isRetryable, loadOnChange } from '@kraftsamling/web/shared/graphql';
import { ErrorStateComponent, LoadingStateComponent } from '@kraftsamling/web/shared/ui';

export interface BaselinePreviewRequest {
  collaborationId: string;
  indicatorCode: string;
  baselinePeriod: string;
  /** null: every member municipality */
  areaCodes: readonly string[] | null;
}

/** A member's baseline, read as activation would freeze it: missing and `<5` values are flagged. */
export function previewFlag(member: PreviewMember): 'missing' | 'bounded' | null {
  if (!member.baseline) return 'missing';
  return member.baseline.value === null ? 'bounded' : null;
}

/**
 * The baselines activating the goal would freeze now, read at the baseline period (nothing
 * is written): a member without a value is flagged, not shown as 0; a `<5` value is flagged
 * as uncertain, shown as its range.
 */
@Component({
  selector: 'ks-baseline-preview',
  imports: [TranslocoPipe, LoadingStateComponent, ErrorStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    @if (current.status === 'loading') {
      <ks-loading-state labelKey="goals.preview.loading" />
    } @else if (current.status === 'error') {
      <ks-error-state
        [messageKey]="current.error.messageKey"
        [retryable]="retryable(current.error)"
        (retry)="page.reload(false)"
      />
    } @else {
      @let members = current.data;
      @if (problems() > 0) {
        <p class="ks-preview-warning" data-testid="preview-problems">
          <strong>{{ 'goals.preview.attention' | transloco }}</strong>
          {{ 'goals.preview.problems' | transloco: { count: problems() } }}
        </p>
      }
      <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="baseline-preview-caption">
        <table class="ks-table" data-testid="baseline-preview">
          <caption class="ks-caption" id="baseline-preview-caption">
            {{
              'goals.preview.caption' | transloco: { period: period() }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'goals.table.area' | transloco }}</th>
              <th scope="col">{{ 'goals.table.baseline' | transloco }}</th>
              <th scope="col">{{ 'goals.table.flags' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (member of members; track member.areaCode) {
              @let flag = flagOf(member);
              <tr [attr.data-area]="member.areaCode">
                <th scope="row">{{ member.areaName }}</th>
                <td>{{ figure(member) || ('goals.value.missing' | transloco) }}</td>
                <td>
                  @if (flag) {
                    <span class="ks-strong">⚠ {{ 'goals.preview.flags.' + flag | transloco }}</span>
                  }
                  @if (member.baselinePreliminary) {
                    <span class="ks-muted">{{ 'goals.preview.preliminary' | transloco }}</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .ks-preview-warning {
      border-inline-start: 4px solid #8a4b00;
      background: var(--mat-sys-surface-container);
      padding: 0.5rem 0.75rem;
    }
    .ks-caption {
      text-align: start;
      font-weight: 600;
      padding: 0.5rem 0;
    }
  `,
})
export class BaselinePreviewComponent {
  readonly request = input.required<BaselinePreviewRequest>();
  readonly unit = input.required<string>();

  private readonly service = inject(GoalService);
  private readonly language = injectLanguage();
  protected readonly page = loadOnChange(this.request, (request) =>
    this.service.baselinePreview(
      request.collaborationId,
      request.indicatorCode,
      request.baselinePeriod,
      request.areaCodes,
    ),
  );
  readonly state = this.page.state;
  readonly problems = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.filter((member) => previewFlag(member) !== null).length : 0;
  });
  readonly period = computed(() => periodLabel(this.request().baselinePeriod, this.language()));

  protected readonly retryable = isRetryable;
  protected readonly flagOf = previewFlag;

  figure(member: PreviewMember): string {
    return formatQuantity(member.baseline, this.unit(), this.language());
  }
}
