export * from './sql';
export * from './migrate';
export * from './dynamo';
export * from './dynamo-outbox';
export * from './cache';
export * from './bus';
export * from './outbox';
export * from './worker';
