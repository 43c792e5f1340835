export { GuSupportProvider } from './gu-support-provider.js';
