import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { parseArticleBody } from '../../core/article/blocks.js';
import { deflectionStrings } from '../../core/i18n/catalogues/deflection.js';
import type { OpenedFaq } from '../../core/search/open.js';
import type { FaqResult } from '../../core/search/types.js';
import { define } from '../../define.js';
import { buttons } from '../../theme/tokens.js';
import { renderBlocks } from '../internal/article-blocks.js';
import { GuElement } from '../internal/base/gu-element.js';
import { openFaqFor } from '../internal/faq-source.js';
import type { GuSupportForm } from './gu-support-form.js';

/** Typing pauses this long before the articles are looked up (the index answers in ~1 ms; this is for calm). */
const SEARCH_DELAY_MS = 300;
/** At most this many suggestions (the reserved space fits them). */
const SHOWN = 3;

/**
 * Inside `<gu-support-form>`, under the description: up to three help articles that match what
 * the citizen is writing, from the same index as `<gu-faq-search>`. Its code arrives with the
 * form's behaviour (after the form is usable); the FAQ loads when the citizen first types. The
 * form reserves its height, so nothing below moves when suggestions appear; it never takes focus.
 * An article opened here is reported (`reportDeflection`), and reported again with `sent: true`
 * if a request is sent after all: the backend counts the requests avoided.
 */
export class GuFaqDeflection extends GuElement {
  static override strings = [...GuElement.strings, deflectionStrings];
  static override styles = [
    ...GuElement.styles,
    buttons,
    css`
      :host {
        padding: var(--_space) calc(var(--_space) * 2);
        background: var(--_surface-alt);
      }
      .heading {
        margin: 0 0 calc(var(--_space) / 2);
        font-size: 1em;
      }
      .hint {
        margin: 0;
        color: var(--_text-secondary);
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .item {
        display: block;
        max-width: 100%;
        min-height: 24px;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
        text-align: start;
      }
      .article {
        margin-top: var(--_space);
        padding: var(--_space) calc(var(--_space) * 2);
        border-left: 4px solid var(--_primary);
        background: var(--_surface);
      }
      .article h4 {
        margin: 0;
      }
      a {
        color: var(--_primary);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    text: { attribute: false },
    results: { state: true },
    openId: { state: true },
    announcement: { state: true },
  };

  /** The form it belongs to (its backend, language, storage setting and events). */
  form?: GuSupportForm;
  /** What the citizen has written: title and description. */
  text = '';
  results: FaqResult[] = [];
  openId?: string;
  announcement = '';

  private faq?: Promise<OpenedFaq | undefined>;
  private loaded?: OpenedFaq;
  private timer?: ReturnType<typeof setTimeout>;
  /** One form visit, as the backend counts them. */
  private readonly session = crypto.randomUUID().replaceAll('-', '');
  private readonly opened = new Set<string>();
  private sentReported = false;
  private listening?: GuSupportForm;

  private readonly onSent = () => {
    if (this.sentReported || !this.opened.size) return;
    this.sentReported = true;
    this.report(true);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.listen(undefined);
  }

  private listen(form: GuSupportForm | undefined): void {
    this.listening?.removeEventListener('gu-queued', this.onSent);
    this.listening?.removeEventListener('gu-submitted', this.onSent);
    form?.addEventListener('gu-queued', this.onSent);
    form?.addEventListener('gu-submitted', this.onSent);
    this.listening = form;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') && this.form !== this.listening) this.listen(this.form);
    if (changed.has('text')) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.search(), SEARCH_DELAY_MS);
    }
  }

  private async search(): Promise<void> {
    const { form } = this;
    const text = this.text.trim();
    if (!form || (!text && !this.faq)) return;
    // Nothing is downloaded for suggestions until the citizen writes something.
    this.faq ??= openFaqFor(form, { cache: !form.noStorage }).catch(() => undefined);
    const faq = await this.faq;
    if (!faq?.index.articles.length) return void (this.hidden = true);
    this.loaded = faq;
    const results = text ? faq.index.search(this.text, { limit: SHOWN }) : [];
    if (results.map((r) => r.id).join() !== this.results.map((r) => r.id).join()) {
      this.announcement = results.length ? this.t('deflection.found', { n: results.length }) : '';
    }
    this.results = results;
  }

  private report(sent: boolean, articleIds = [...this.opened]): void {
    void this.form?.backend
      .slice('faq')
      ?.reportDeflection({ session: this.session, articleIds, sent }, { lang: this.locale })
      .catch(() => undefined); // a count, not the citizen's business: never an error shown
  }

  private toggle(id: string): void {
    this.openId = this.openId === id ? undefined : id;
    if (this.openId && !this.opened.has(id)) {
      this.opened.add(id);
      this.report(this.sentReported, [id]);
    }
  }

  private renderArticle(): TemplateResult | typeof nothing {
    const article = this.openId ? this.loaded?.index.articles.find((a) => a.id === this.openId) : undefined;
    return article
      ? html`<div id="deflection-article" class="article">
          <h4>${article.title}</h4>
          ${renderBlocks(parseArticleBody(article.body, location.origin))}
          <button type="button" class="link-button" @click=${() => (this.openId = undefined)}>${this.t('deflection.close')}</button>
        </div>`
      : nothing;
  }

  protected override render(): TemplateResult {
    return html`<section aria-labelledby="deflection-heading">
        <h3 id="deflection-heading" class="heading">${this.t('deflection.heading')}</h3>
        ${this.results.length
          ? html`<ul>
              ${this.results.map(
                (r) => html`<li>
                  <button
                    type="button"
                    class="link-button item"
                    aria-expanded=${this.openId === r.id ? 'true' : 'false'}
                    aria-controls=${this.openId === r.id ? 'deflection-article' : nothing}
                    @click=${() => this.toggle(r.id)}
                  >${r.title}</button>
                </li>`,
              )}
            </ul>`
          : html`<p class="hint">${this.t('deflection.hint')}</p>`}
        <div role="status" class="visually-hidden">${this.announcement}</div>
      </section>
      ${this.renderArticle()}`;
  }
}

define('gu-faq-deflection', GuFaqDeflection);

declare global {
  interface HTMLElementTagNameMap {
    'gu-faq-deflection': GuFaqDeflection;
  }
}
