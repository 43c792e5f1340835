import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Article } from '../../core/adapter/types.js';
import { faqStrings } from '../../core/i18n/catalogues/faq.js';
import { errorText } from '../../core/i18n/errors.js';
import { lazy } from '../../core/lazy.js';
import type { FaqCategory } from '../../core/search/bundle.js';
import type { OpenedFaq } from '../../core/search/open.js';
import type { FaqHit, FaqResult } from '../../core/search/types.js';
import { define } from '../../define.js';
import type { ErrorKind } from '../../events/gu-error.js';
import { buttons } from '../../theme/tokens.js';
import { GuKitElement } from '../internal/base/gu-kit-element.js';
import { faqErrorKind, openFaqFor } from '../internal/faq-source.js';
import type { ArticleView } from './article-view.js';
import { articleIdOf, articleHash } from './deep-link.js';
import { faqStyles } from './gu-faq-search.styles.js';
import { renderBody } from './results.js';
import { renderSearchBox } from './search-box.js';

/** How long typing pauses before the search runs, and before the result count is announced. */
const SEARCH_DELAY_MS = 80;
const ANNOUNCE_DELAY_MS = 700;

/**
 * Help-article search that understands everyday Russian (inflections, typos, the wrong keyboard
 * layout, synonyms, error codes): a combobox whose results show as you type, a section filter,
 * popular questions while the box is empty, the article itself with «Помог ли ответ?» and, when
 * nothing helps, the way to `<gu-support-form>` with what was typed.
 *
 * Articles open at `#faq/<id>` (a deep link that survives reload; the browser's back button
 * returns to the results). Works offline from the copy kept in IndexedDB after the first visit.
 * Works standalone (`endpoint` or `adapter`) or inside `<gu-support-provider>`.
 *
 * @summary Instant search of help articles, with the hand-off to a support request.
 * @fires gu-handoff - «Написать в поддержку»: asks the page's form to open prefilled. `detail: { title, description }`.
 * @fires gu-error - The articles could not be loaded. `detail: { kind, message }`.
 * @csspart input - The search box.
 * @csspart category - The section filter.
 * @csspart results - The list of results (the combobox's listbox).
 * @csspart article - An opened article.
 * @csspart feedback - «Помог ли ответ?» under an article.
 * @csspart handoff - «Не нашли ответ? Написать в поддержку».
 * @cssprop --gu-color-primary - Buttons and links.
 * @cssprop --gu-color-warning-bg - Background of the matched words.
 * @cssprop --gu-font-size - Base font size.
 */
export class GuFaqSearch extends GuKitElement {
  static override styles = [...GuKitElement.styles, buttons, faqStyles];
  static override strings = [...GuKitElement.strings, faqStrings];

  static override properties: PropertyDeclarations = {
    query: {},
    category: {},
    limit: { type: Number },
    status: { state: true },
    results: { state: true },
    active: { state: true },
    collapsed: { state: true },
    articleId: { state: true },
    announcement: { state: true },
    offline: { state: true },
  };

  /** The search text (set it to start with a question). */
  query = '';
  /** Id of the section to search in; empty: every section. */
  category = '';
  /** At most this many results. */
  limit = 10;

  /** @internal */ status: 'loading' | 'ready' | 'error' = 'loading';
  /** @internal */ faq?: OpenedFaq;
  /** @internal */ results: FaqResult[] = [];
  /** @internal The query as the corpus spells it (typos, wrong layout), offered beside the results. */
  suggestion?: string;
  /** @internal The highlighted option, -1 for none. */
  active = -1;
  /** @internal Esc closed the list; typing opens it again. */
  collapsed = false;
  /** @internal The article at `#faq/<id>`. */
  articleId?: string;
  /** @internal */ announcement = '';
  /** @internal The copy in use could not be checked against the backend. */
  offline = false;
  /** @internal Why loading failed. */
  errorKind?: ErrorKind;
  /** @internal The article view's code, once it has arrived. */
  view?: ArticleView;

  private searchedFor = '';
  private loadedFor?: { adapter: unknown; lang: string };
  private searchTimer?: ReturnType<typeof setTimeout>;
  private announceTimer?: ReturnType<typeof setTimeout>;
  /** We pushed the article's history entry, so «Назад» is the browser's back. */
  private pushed = false;
  private focusAfterRender?: 'article' | 'input';
  private readonly loadView = lazy(() =>
    import('./article-view.js').then(({ ArticleView }) => {
      this.view ??= new ArticleView(this);
      this.requestUpdate();
      return this.view;
    }),
  );

  private readonly onHash = () => {
    const id = articleIdOf(location.hash);
    if (id === this.articleId) return;
    this.focusAfterRender = id ? 'article' : this.articleId ? 'input' : undefined;
    if (!id) this.pushed = false;
    this.articleId = id;
    if (id) void this.loadView().catch(() => undefined);
  };

  private readonly onConnection = () => {
    this.offline = !navigator.onLine;
    if (navigator.onLine && this.status === 'error') void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    addEventListener('online', this.onConnection);
    addEventListener('offline', this.onConnection);
    this.offline = !navigator.onLine;
    this.onHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
    removeEventListener('online', this.onConnection);
    removeEventListener('offline', this.onConnection);
    clearTimeout(this.searchTimer);
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The articles follow the element's language and backend: loaded again when either changes.
    const adapter = this.backend.adapter ?? this.backend.config.endpoint;
    const loaded = this.loadedFor;
    if (this.isConnected && (!loaded || loaded.adapter !== adapter || loaded.lang !== this.locale)) {
      this.loadedFor = { adapter, lang: this.locale };
      void this.load();
    }
    if (changed.has('query') || changed.has('category') || changed.has('limit')) this.scheduleSearch();
  }

  /** @internal (Re)loads the articles and their index. */
  async load(): Promise<void> {
    const key = this.loadedFor;
    this.status = this.faq ? 'ready' : 'loading';
    try {
      const faq = await openFaqFor(this, {
        onUpdate: (newer) => this.loadedFor === key && this.ready(newer),
        onRevalidateError: () => this.loadedFor === key && (this.offline = true),
      });
      if (this.loadedFor === key) this.ready(faq);
    } catch (error) {
      if (this.loadedFor !== key) return;
      this.status = 'error';
      this.errorKind = faqErrorKind(error);
      this.emit('gu-error', { kind: this.errorKind, message: errorText(this.locale, this.errorKind) });
    }
  }

  private ready(faq: OpenedFaq): void {
    this.faq = faq;
    this.status = 'ready';
    if (faq.source !== 'cache') this.offline = !navigator.onLine;
    this.searchedFor = '';
    this.runSearch();
    // The article view is small: fetched now, so articles open offline too.
    void this.loadView().catch(() => undefined);
  }

  private scheduleSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.runSearch(), SEARCH_DELAY_MS);
  }

  private get searchKey(): string {
    return `${this.query}\n${this.category}\n${this.limit}`;
  }

  /** @internal The results are those of the current query, section and limit (typing has paused). */
  get settled(): boolean {
    return this.searchedFor === this.searchKey;
  }

  private runSearch(): void {
    const { faq } = this;
    const key = this.searchKey;
    if (!faq || key === this.searchedFor) return;
    this.searchedFor = key;
    const text = this.query.trim();
    const options = { limit: this.limit, ...(this.category ? { category: this.category } : {}) };
    this.results = text ? faq.index.search(this.query, options) : [];
    this.suggestion = text ? faq.index.suggest(this.query) : undefined;
    this.active = -1;
    this.requestUpdate();
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = !text ? '' : this.results.length ? this.t('faq.found', { n: this.results.length }) : this.t('faq.nothing', { query: text });
    }, ANNOUNCE_DELAY_MS);
  }

  /** @internal Says `text` once through the polite live region. */
  announce(text: string): void {
    clearTimeout(this.announceTimer);
    this.announcement = text;
  }

  /** @internal The list is open: there is text, there are results, and Esc did not close it. */
  get expanded(): boolean {
    return Boolean(this.query.trim()) && this.results.length > 0 && !this.collapsed && !this.articleId;
  }

  /** @internal Popular articles for the empty box. */
  get popular(): FaqHit[] {
    return this.faq?.index.popular({ limit: this.limit, ...(this.category ? { category: this.category } : {}) }) ?? [];
  }

  /** @internal The article shown, once the articles have arrived. */
  get article(): Article | undefined {
    return this.faq?.index.articles.find((a) => a.id === this.articleId);
  }

  /** @internal The sections: named by the backend, else the articles' own category ids. */
  get categories(): FaqCategory[] {
    const named = this.faq?.categories ?? [];
    return named.length ? named : [...new Set(this.faq?.index.articles.map((a) => a.category))].map((id) => ({ id, title: id }));
  }

  /** @internal A section's name. */
  categoryTitle(id: string): string {
    return this.faq?.categories.find((c) => c.id === id)?.title ?? id;
  }

  /** @internal Typing in the box. */
  typed(value: string): void {
    this.query = value;
    this.collapsed = false;
  }

  /** @internal «Возможно, вы имели в виду»: searches for it, focus back in the box (the button goes away). */
  useSuggestion(text: string): void {
    this.typed(text);
    this.focusAfterRender = 'input';
  }

  /** @internal Opens an article: a history entry at `#faq/<id>`, so the back button returns here. */
  open(id: string): void {
    this.pushed = true;
    location.hash = articleHash(id);
  }

  /** @internal «Назад к результатам». */
  back(): void {
    if (this.pushed) return history.back();
    history.replaceState(history.state, '', location.pathname + location.search);
    this.onHash();
  }

  /** @internal «Написать в поддержку»: the form opens with what was typed and the article read. */
  handoff(article?: Article): void {
    const query = this.query.trim();
    const description = [query && this.t('faq.handoffQuery', { query }), article && this.t('faq.handoffArticle', { title: article.title })].filter(Boolean).join('\n');
    this.emit('gu-handoff', { title: (query || article?.title || '').slice(0, 150), description });
  }

  protected override updated(): void {
    const where = this.focusAfterRender;
    if (where === 'article' && this.view && this.article) {
      this.focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLElement>('#article-title')?.focus();
    } else if (where === 'input') {
      this.focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
    }
    this.renderRoot.querySelector('[role=option][aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }

  protected override render(): TemplateResult {
    return html`${renderSearchBox(this)}
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${this.offline && this.status === 'ready' ? html`<p class="notice" role="status">${this.t('faq.offline')}</p>` : nothing}
      ${renderBody(this)}`;
  }
}

define('gu-faq-search', GuFaqSearch);

declare global {
  interface HTMLElementTagNameMap {
    'gu-faq-search': GuFaqSearch;
  }
}
