import { ElementRef, Injector, Signal, afterNextRender, inject, signal } from '@angular/core';
import { FormGroup, FormGroupDirective } from '@angular/forms';
import { AppError, ErrorCode, toAppError } from '@kraftsamling/web/shared/errors';
import { Observable } from 'rxjs';
import { applyServerErrors, focusFirstInvalid } from './form-errors';

/** One submit of a form: what to send, how, and what follows. */
export interface Submission<V, R> {
  /**
   * What to send, or null to refuse the submit the way an invalid form is refused. Read
   * after every control is marked touched and before validity is checked, so a rule the
   * validators cannot express (a name of only spaces) can still set an error on a control.
   */
  value: () => V | null;
  /** The write; subscribed once. */
  request: (value: V) => Observable<R>;
  /** Message keys for codes that mean something specific here, such as CONFLICT when adding. */
  messages?: Partial<Record<ErrorCode, string>>;
  /**
   * For forms that stay on the page: emptied before `succeeded` runs. resetForm() rather
   * than form.reset() because it also clears `submitted`, so the emptied fields show no errors.
   */
  reset?: () => FormGroupDirective;
  /**
   * For dialogs that close on success: the button keeps saying "Saving…" and stays
   * aria-disabled while the dialog animates out, so a second click cannot send the write again.
   */
  staysBusy?: boolean;
  succeeded: (result: R) => void;
}

/**
 * The submit flow every form that writes through the API shares: one write at a time,
 * client-side validation first, and the API's BAD_USER_INPUT field errors shown at their
 * fields. The template binds `busy`, `error` and `unshown`; the component calls `submit`.
 * A helper rather than a base class so each form keeps its own inputs, outputs and DI.
 */
export class ServerValidatedForm {
  readonly #busy = signal(false);
  readonly #error = signal<AppError | null>(null);
  readonly #unshown = signal<AppError['fields']>([]);

  /** A write is in flight; further submits are ignored. */
  readonly busy: Signal<boolean> = this.#busy.asReadonly();
  /** The last submit's failure, for the form's error summary. */
  readonly error: Signal<AppError | null> = this.#error.asReadonly();
  /** Field errors from the API that no control of this form shows. */
  readonly unshown: Signal<AppError['fields']> = this.#unshown.asReadonly();

  /**
   * @param afterRender runs a callback once the page shows the latest state; focusing a
   * field the API faulted has to wait for it, because the classes that mark a field
   * invalid are set when Angular next renders.
   */
  constructor(
    private readonly form: FormGroup,
    private readonly host: ElementRef<HTMLElement>,
    private readonly afterRender: (run: () => void) => void = (run) => run(),
  ) {}

  submit<V, R>(submission: Submission<V, R>): void {
    if (this.#busy()) return;
    this.#error.set(null);
    this.#unshown.set([]);
    this.form.markAllAsTouched();
    const value = submission.value();
    if (this.form.invalid || value === null) {
      focusFirstInvalid(this.host);
      return;
    }
    this.#busy.set(true);
    submission.request(value).subscribe({
      next: (result) => {
        if (!submission.staysBusy) this.#busy.set(false);
        submission.reset?.().resetForm();
        submission.succeeded(result);
      },
      error: (error: unknown) => {
        this.#busy.set(false);
        const appError = toAppError(error, submission.messages);
        const unshown = applyServerErrors(this.form, appError);
        this.#unshown.set(unshown);
        this.#error.set(appError);
        // Like the form's own checks: take the user to the first field to correct.
        if (unshown.length < appError.fields.length) this.afterRender(() => focusFirstInvalid(this.host));
      },
    });
  }
}

/** A ServerValidatedForm for `form`, focusing within the calling component. Call from a field initializer. */
export function serverValidatedForm(form: FormGroup): ServerValidatedForm {
  const injector = inject(Injector);
  return new ServerValidatedForm(form, inject<ElementRef<HTMLElement>>(ElementRef), (run) =>
    afterNextRender(run, { injector }),
  );
}
