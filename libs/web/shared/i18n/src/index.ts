export * from './lib/languages';
export * from './lib/http-loader';
export * from './lib/language.service';
export * from './lib/provide-i18n';
export * from './lib/title-strategy';
export * from './lib/collation';
export * from './lib/content-language';
