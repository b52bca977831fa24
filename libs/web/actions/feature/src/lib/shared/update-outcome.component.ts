import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ActionConfidence, ActionStatus } from '@kraftsamling/web/actions/data-access';
import { GoalStatusComponent } from '@kraftsamling/web/goals/ui';

/** What a progress update changed: the action's new status and the group's assessment, if any. */
@Component({
  selector: 'ks-update-outcome',
  imports: [TranslocoPipe, GoalStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (statusChange() || confidence()) {
      <p class="ks-small">
        @if (statusChange(); as status) {
          {{
            'actions.feed.statusChange' | transloco: { status: ('actions.statuses.' + status | transloco) }
          }}
        }
        @if (confidence(); as assessed) {
          <ks-goal-status [status]="assessed" prefix="actions.confidences." />
        }
      </p>
    }
  `,
  styles: `
    .ks-small {
      margin: 0.125rem 0;
      font-size: 0.875rem;
    }
  `,
})
export class UpdateOutcomeComponent {
  readonly statusChange = input<ActionStatus | null>(null);
  readonly confidence = input<ActionConfidence | null>(null);
}
