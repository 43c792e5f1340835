/** Registers every element of the kit; the entry of the single-file bundle. */
export { GuSupportProvider } from './elements/provider/gu-support-provider.js';
export { GuSupportForm } from './elements/support-form/gu-support-form.js';
export * from './core/index.js';
