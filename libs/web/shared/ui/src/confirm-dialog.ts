// The confirmation dialog, its own import path: Material's dialog (and the CDK's under it) is
// then part of the pages that ask before an action, not of the application's start, which
// imports this library's index for its page states.
export * from './lib/confirm-dialog.component';
