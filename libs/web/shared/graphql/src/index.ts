// The operations' types. Their documents and services are imported from one entry per part of
// the app (@kraftsamling/web/shared/graphql/goals, …), not from here: a page's bundle then holds
// its own operations only, where this entry, imported everywhere, would put all of them into
// the application's start.
export * from './generated/graphql';
// The UI's error model and page load state live in a util lib so ui libs can use them;
// re-exported here because every data-access caller meets them together with Apollo.
export * from '@kraftsamling/web/shared/errors';
export * from './lib/load-on-change';
export * from './lib/provide-graphql';
export * from './lib/read-ahead';
