import { createContext } from '@lit/context';
import type { SupportAdapter } from './core/adapter/types.js';

/** Context keys `<gu-support-provider>` provides and every element consumes (one shared adapter). */
export const adapterContext = createContext<SupportAdapter | undefined>(Symbol.for('gu-support-kit/adapter'));

/** Settings shared by the elements inside one provider. */
export interface KitConfig {
  /** The provider's endpoint: names the backend whose requests an element's outbox sends. */
  endpoint?: string;
  /** Language tag, e.g. `ru` or `en`; elements fall back to the nearest `lang` attribute. */
  lang?: string;
  /** `low-vision` switches on large type and high contrast (GOST R 52872-2019). */
  theme?: string;
  /** Version of the host application, sent in the technical context. */
  appVersion?: string;
}

export const configContext = createContext<KitConfig>(Symbol.for('gu-support-kit/config'));
