import { ElementRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Observable, Subject, of, throwError } from 'rxjs';
import { ServerValidatedForm, Submission, serverValidatedForm } from './server-validated-form';

function graphQLError(code: string, fields: { field: string; message: string }[] = []) {
  return new CombinedGraphQLErrors({ data: null }, [{ message: code, extensions: { code, fields } }]);
}

describe('ServerValidatedForm', () => {
  function setup() {
    const form = new FormGroup({
      name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      nested: new FormGroup({ area: new FormControl('', { nonNullable: true }) }),
    });
    // Stands in for the rendered form: the classes are what focusFirstInvalid looks for.
    const host = document.createElement('div');
    host.innerHTML = '<input class="ng-valid" id="valid" /><input class="ng-invalid" id="invalid" />';
    document.body.appendChild(host);
    const submission = new ServerValidatedForm(form, new ElementRef(host));
    const send = jest.fn((value: { name: string }): Observable<string> => of(`saved ${value.name}`));
    const succeeded = jest.fn();
    const submit = (overrides: Partial<Submission<{ name: string }, string>> = {}) =>
      submission.submit({
        value: () => ({ name: form.controls.name.value }),
        request: send,
        succeeded,
        ...overrides,
      });
    return { form, host, submission, send, succeeded, submit };
  }

  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('refuses an invalid form: marks every control touched, sends nothing, focuses the first invalid field', () => {
    const { form, submission, send, submit } = setup();

    submit();

    expect(form.controls.name.touched).toBe(true);
    expect(form.controls.nested.controls.area.touched).toBe(true);
    expect(send).not.toHaveBeenCalled();
    expect(submission.busy()).toBe(false);
    expect(document.activeElement?.id).toBe('invalid');
  });

  it('reads the value even when the form is invalid, so it can put errors on controls', () => {
    const { form, send, submit } = setup();
    const value = jest.fn(() => {
      form.controls.nested.controls.area.setErrors({ required: true });
      return null;
    });

    submit({ value });

    expect(value).toHaveBeenCalledTimes(1);
    expect(form.controls.nested.controls.area.errors).toEqual({ required: true });
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a valid form whose value is null, focusing as for an invalid one', () => {
    const { form, send, submit } = setup();
    form.controls.name.setValue('Styrgrupp');

    submit({ value: () => null });

    expect(send).not.toHaveBeenCalled();
    expect(document.activeElement?.id).toBe('invalid');
  });

  it('sends the value once, ignores submits while busy, then resets the form before reporting success', () => {
    const { form, submission, send, succeeded, submit } = setup();
    const response = new Subject<string>();
    send.mockReturnValue(response);
    const order: string[] = [];
    succeeded.mockImplementation(() => order.push('succeeded'));
    const directive = { resetForm: jest.fn(() => order.push('reset')) };
    const reset = () => directive as unknown as FormGroupDirective;
    form.controls.name.setValue('Styrgrupp');

    submit({ reset });
    submit({ reset });

    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ name: 'Styrgrupp' });
    expect(submission.busy()).toBe(true);

    response.next('saved');

    expect(submission.busy()).toBe(false);
    expect(order).toEqual(['reset', 'succeeded']);
    expect(succeeded).toHaveBeenCalledWith('saved');
  });

  it('stays busy after success when asked, for a dialog that is closing', () => {
    const { form, submission, succeeded, submit } = setup();
    form.controls.name.setValue('Styrgrupp');

    submit({ staysBusy: true });

    expect(succeeded).toHaveBeenCalledWith('saved Styrgrupp');
    expect(submission.busy()).toBe(true);
  });

  it('puts BAD_USER_INPUT field errors on the controls, nested ones too, and lists the rest as unshown', () => {
    const { form, submission, succeeded, submit } = setup();
    form.controls.name.setValue('Styrgrupp');

    submit({
      request: () =>
        throwError(() =>
          graphQLError('BAD_USER_INPUT', [
            { field: 'name', message: 'taken' },
            { field: 'area', message: 'too vague' },
            { field: 'kind', message: 'unknown' },
          ]),
        ),
    });

    expect(submission.busy()).toBe(false);
    expect(succeeded).not.toHaveBeenCalled();
    expect(submission.error()).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.badUserInput' });
    expect(form.controls.name.errors).toEqual({ server: 'taken' });
    expect(form.controls.nested.controls.area.errors).toEqual({ server: 'too vague' });
    expect(submission.unshown()).toEqual([{ field: 'kind', message: 'unknown' }]);
  });

  it('focuses the first faulted field after a server error at a field, and stays put when no field shows one', () => {
    const { form, submit } = setup();
    form.controls.name.setValue('Styrgrupp');
    const other = Object.assign(document.createElement('button'), { id: 'submit' });
    document.body.append(other);

    other.focus();
    submit({
      request: () =>
        throwError(() => graphQLError('BAD_USER_INPUT', [{ field: 'kind', message: 'unknown' }])),
    });
    expect(document.activeElement?.id).toBe('submit');

    submit({
      request: () => throwError(() => graphQLError('BAD_USER_INPUT', [{ field: 'name', message: 'taken' }])),
    });
    expect(document.activeElement?.id).toBe('invalid');
  });

  it("uses the form's own message for a code, and clears the error at the next submit", () => {
    const { form, submission, submit } = setup();
    form.controls.name.setValue('Styrgrupp');

    submit({
      request: () => throwError(() => graphQLError('CONFLICT')),
      messages: { CONFLICT: 'groups.create.errors.conflict' },
    });
    expect(submission.error()).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'groups.create.errors.conflict',
    });

    form.controls.name.setValue('');
    submit();
    expect(submission.error()).toBeNull();
    expect(submission.unshown()).toEqual([]);
  });

  it('focuses within the component that creates it', () => {
    const host = document.createElement('div');
    host.innerHTML = '<input class="ng-invalid" id="inside" />';
    // An invalid field elsewhere on the page, earlier in document order, must not take focus.
    document.body.append(Object.assign(document.createElement('input'), { className: 'ng-invalid' }), host);
    TestBed.configureTestingModule({ providers: [{ provide: ElementRef, useValue: new ElementRef(host) }] });
    const form = new FormGroup({ name: new FormControl('', { validators: [Validators.required] }) });

    const submission = TestBed.runInInjectionContext(() => serverValidatedForm(form));
    submission.submit({ value: () => null, request: () => of(null), succeeded: () => undefined });

    expect(document.activeElement?.id).toBe('inside');
  });
});
