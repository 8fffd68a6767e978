export * from './sessions';
export * from './api-keys';
