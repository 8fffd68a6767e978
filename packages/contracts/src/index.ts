export * from './endpoint';
export * from './events';
export * from './catalog';
export * from './cart';
export * from './orders';
export * from './shipping';
export * from './users';
