import type { ReactiveController } from 'lit';
import type { TicketsApi } from '../../core/adapter/types.js';
import type { GuSupportForm } from './gu-support-form.js';

/**
 * The backend's topics in the form's language, asked again when the adapter or the language
 * changes; without them the DOMAIN.md categories still work and the form stays usable.
 */
export class TopicsLoader implements ReactiveController {
  private loadedFor?: { adapter: TicketsApi; lang: string };

  constructor(private readonly form: GuSupportForm) {
    form.addController(this);
  }

  hostUpdate(): void {
    const adapter = this.form.backend.slice('tickets');
    const lang = this.form.locale;
    if (this.form.topics || !adapter || (this.loadedFor?.adapter === adapter && this.loadedFor.lang === lang)) return;
    this.loadedFor = { adapter, lang };
    void this.load(adapter, lang);
  }

  private async load(adapter: TicketsApi, lang: string): Promise<void> {
    this.form.update$({ topicsLoading: true });
    const loaded = await adapter.listTopics({ lang }).catch(() => undefined);
    if (this.loadedFor?.lang === lang) this.form.update$({ loadedTopics: loaded, topicsLoading: false });
  }
}
