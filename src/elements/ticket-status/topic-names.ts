import type { GuTicketStatus } from './gu-ticket-status.js';

/** Topic titles by id, asked once per language from the backend; a topic shows its id until then. */
export class TopicNames {
  private titles = new Map<string, string>();
  private lang = '';

  constructor(private readonly host: GuTicketStatus) {}

  readonly name = (id: string): string => {
    const lang = this.host.locale;
    if (this.lang !== lang) {
      this.lang = lang;
      void this.host.backend
        .slice('tickets')
        ?.listTopics({ lang })
        .then((list) => {
          this.titles = new Map(list.map((t) => [t.id, t.title]));
          this.host.requestUpdate();
        }, () => undefined);
    }
    return this.titles.get(id) ?? id;
  };
}
