// The languages alone, for code that runs before Angular starts (main.ts asks the stored
// language for the login page and prefetches its translations): the library's index would
// bring Transloco and the router along.
export * from './lib/languages';
export { prefetchTranslation } from './lib/translation-prefetch';
