import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ActionStatus } from '@kraftsamling/web/actions/data-access';

/** An action's status in words, with a marker whose shape differs per status (not colour alone). */
@Component({
  selector: 'ks-action-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="ks-action-status" [attr.data-status]="status()"
    ><span class="ks-action-status__marker" aria-hidden="true"></span
    >{{ 'actions.statuses.' + status() | transloco }}</span
  >`,
  styles: `
    .ks-action-status {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      white-space: nowrap;
    }
    .ks-action-status__marker {
      width: 0.625rem;
      height: 0.625rem;
      border: 2px solid currentColor;
    }
    [data-status='PLANNED'] .ks-action-status__marker {
      border-radius: 50%;
    }
    [data-status='ONGOING'] .ks-action-status__marker {
      border-radius: 50%;
      background: currentColor;
    }
    [data-status='PAUSED'] .ks-action-status__marker {
      border-width: 0 3px;
    }
    [data-status='COMPLETED'] .ks-action-status__marker {
      background: currentColor;
    }
    [data-status='CANCELLED'] .ks-action-status__marker {
      transform: rotate(45deg);
    }
  `,
})
export class ActionStatusComponent {
  readonly status = input.required<ActionStatus>();
}
