import { createContext } from '@lit/context';

/**
 * Settings shared by the elements inside one provider. Language and theme need no context: the
 * provider's `lang` attribute and its `--gu-*` properties reach the elements through the DOM.
 */
export interface KitConfig {
  /** The provider's endpoint: names the backend whose requests the page's outbox sends. */
  endpoint?: string;
  /** Version of the host application, sent in the technical context. */
  appVersion?: string;
}

export const configContext = createContext<KitConfig>(Symbol.for('gu-support-kit/config'));
