import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AppError } from '@kraftsamling/web/shared/errors';

/** A form's error summary: what went wrong and what to do, plus field errors no field shows. */
@Component({
  selector: 'ks-form-error',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as error) {
      <div class="ks-form-error" role="alert">
        <p>{{ error.messageKey | transloco }}</p>
        @if (unshown().length) {
          <ul>
            @for (field of unshown(); track field.field) {
              <li>{{ field.field }}: {{ field.message }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class FormErrorComponent {
  readonly error = input<AppError | null>(null);
  readonly unshown = input<AppError['fields']>([]);
}
