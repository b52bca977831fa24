export * from './catalogue';
export * from './catalogue.seed';
export * from './indicator-importer';
export * from './models';
export * from './indicator-query.service';
export * from './manual-entry.service';
export * from './indicators.module';
export * from './demo-local-indicators.seed';
