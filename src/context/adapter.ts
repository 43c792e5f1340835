import { createContext } from '@lit/context';
import type { SupportAdapter } from '../core/adapter/types.js';

/** The adapter `<gu-support-provider>` shares with every kit element inside it. */
export const adapterContext = createContext<SupportAdapter | undefined>(Symbol.for('gu-support-kit/adapter'));
