export { GuSupportProvider } from './gu-support-provider.js';
export type { SupportAdapter } from '../../core/adapter/types.js';
