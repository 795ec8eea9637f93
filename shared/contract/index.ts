export * from './api';
export * from './bridge';
export * from './events';
export * from './schemas';
export * from './record-input';
export * from './analysis-schemas';
export * from './drift-schemas';
