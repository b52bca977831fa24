export * from './parse-kolada';
export * from './kpi-list';
export * from './municipality-groups';
