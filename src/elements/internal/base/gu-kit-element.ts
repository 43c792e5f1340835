import type { PropertyDeclarations } from 'lit';
import type { AnyAdapter } from '../../../core/adapter/types.js';
import { BackendController } from './backend-controller.js';
import { GuElement } from './gu-element.js';

/**
 * Base of the public elements: what each of them accepts to work standalone (`endpoint` or
 * `adapter`) or inside `<gu-support-provider>`, and the low-vision `theme`.
 */
export class GuKitElement extends GuElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    adapter: { attribute: false },
    theme: { reflect: true },
  };

  /** Base URL of a backend speaking docs/api.md (e.g. `/api`); ignored when `adapter` is set. */
  endpoint?: string;

  /**
   * Your own backend client: any object with the adapter slices this element uses (`TicketsApi`,
   * `FaqApi`, `ChatApi`; `SupportAdapter` has them all). Wins over `endpoint` and the provider's.
   */
  adapter?: AnyAdapter;

  /** `low-vision` switches on large type and high contrast (GOST R 52872-2019). */
  theme?: string;

  /** @internal The backend and the provider's settings. */
  readonly backend = new BackendController(this);
}
