import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FormErrorComponent } from './form-error.component';

// Standalone `imports` take these arrays as they are (Angular flattens nested arrays).

/** What every form built on ServerValidatedForm renders: the form, its error summary, a button, text. */
export const FORM_IMPORTS = [ReactiveFormsModule, MatButton, TranslocoPipe, FormErrorComponent] as const;

/** A Material text field with its label, hint and error. */
export const TEXT_FIELD_IMPORTS = [MatFormField, MatLabel, MatHint, MatError, MatInput] as const;

/** The title, content and actions of a dialog that wraps a form. */
export const DIALOG_IMPORTS = [MatDialogTitle, MatDialogContent, MatDialogActions] as const;
