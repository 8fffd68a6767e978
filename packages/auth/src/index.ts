export * from './sessions';
export * from './api-keys';
export * from './persisted-documents';
