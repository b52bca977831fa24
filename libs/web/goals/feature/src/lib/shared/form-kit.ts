// The server-validated form kit and the permission guard the features share, in one place
// for this feature, so their home can move without touching every form.
export {
  DIALOG_IMPORTS,
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  requirePermission,
  serverError,
  serverValidatedForm,
  textErrorKey,
} from '@kraftsamling/web/collaborations/feature';
