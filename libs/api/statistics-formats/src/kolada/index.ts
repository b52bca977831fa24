export * from './parse-kolada';
export * from './kpi-list';
