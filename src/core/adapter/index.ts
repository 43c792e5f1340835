export * from './types.js';
export * from './errors.js';
export { RestAdapter, type RestAdapterOptions } from './rest.js';
export { MemoryAdapter, type MemoryAdapterOptions } from './memory.js';
