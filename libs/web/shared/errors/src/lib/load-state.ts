import { AppError } from './app-error';

/** What a page shows while it loads data: a spinner, the data, or an error with a retry. */
export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: AppError };

export const LOADING: LoadState<never> = { status: 'loading' };
