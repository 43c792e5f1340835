import type { ReactiveElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { adapterContext } from '../../../context/adapter.js';
import { configContext, type KitConfig } from '../../../context/config.js';
import { outboxContext, type OutboxSource } from '../../../context/outbox.js';
import { LazyRestAdapter } from '../../../core/adapter/lazy-rest.js';
import { adapterSlice, type AnyAdapter, type SliceName } from '../../../core/adapter/types.js';

/** What a public element offers to configure its backend. */
export interface BackendHost extends ReactiveElement {
  adapter?: AnyAdapter;
  endpoint?: string;
  readonly locale: string;
}

/**
 * Resolves the backend an element talks to: its own `adapter`, else its own `endpoint` (a REST
 * adapter in the element's language), else what the surrounding `<gu-support-provider>` shares.
 * Subscribed to the provider, so the element re-renders when the provider changes.
 */
export class BackendController {
  private readonly adapterConsumer: ContextConsumer<typeof adapterContext, BackendHost>;
  private readonly configConsumer: ContextConsumer<typeof configContext, BackendHost>;
  private readonly outboxConsumer: ContextConsumer<typeof outboxContext, BackendHost>;
  private rest?: { key: string; adapter: LazyRestAdapter };

  constructor(private readonly host: BackendHost) {
    this.adapterConsumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    this.configConsumer = new ContextConsumer(host, { context: configContext, subscribe: true });
    this.outboxConsumer = new ContextConsumer(host, { context: outboxContext, subscribe: true });
  }

  /** The provider's settings, empty outside a provider. */
  get config(): KitConfig {
    return this.configConsumer.value ?? {};
  }

  /** The adapter to use, or undefined when none is configured. */
  get adapter(): AnyAdapter | undefined {
    const { host } = this;
    if (host.adapter) return host.adapter;
    if (host.endpoint) {
      const key = `${host.endpoint}|${host.locale}`;
      if (this.rest?.key !== key) this.rest = { key, adapter: new LazyRestAdapter({ endpoint: host.endpoint, lang: host.locale }) };
      return this.rest.adapter;
    }
    return this.adapterConsumer.value;
  }

  /**
   * The provider's outbox source when the element uses the provider's backend; an element with
   * its own `adapter` or `endpoint` uses the page-level default for its own target.
   */
  get outboxSource(): OutboxSource | undefined {
    return this.host.adapter || this.host.endpoint ? undefined : this.outboxConsumer.value;
  }

  /** The adapter as one of its slices, or undefined when it lacks (part of) that slice. */
  slice<N extends SliceName>(name: N): ReturnType<typeof adapterSlice<N>> {
    return adapterSlice(this.adapter, name);
  }

  /** Names the backend whose stored requests this page's outbox sends: its endpoint, or `adapter`. */
  get target(): string {
    return this.host.endpoint ?? this.config.endpoint ?? 'adapter';
  }
}
