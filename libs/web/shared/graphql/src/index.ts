export * from './generated/graphql';
// The UI's error model and page load state live in a util lib so ui libs can use them;
// re-exported here because every data-access caller meets them together with Apollo.
export * from '@kraftsamling/web/shared/errors';
export * from './lib/load-on-change';
export * from './lib/provide-graphql';
