import { html, nothing, type ReactiveController } from 'lit';
import type { AdapterError } from '../../core/adapter/errors.js';
import type { Article, SupportAdapter } from '../../core/adapter/types.js';
import { parseArticleBody } from '../../core/article/blocks.js';
import { errorText } from '../../core/i18n/errors.js';
import { lazy } from '../../core/lazy.js';
import type { ArticleFeedbackPayload, OutboxLease } from '../../core/outbox/index.js';
import { findSensitive, foundLabels, removeFragments } from '../../core/validate/text.js';
import { renderBlocks } from '../internal/article-blocks.js';
import { renderPiiWarning } from '../internal/pii-warning.js';
import type { GuFaqSearch } from './gu-faq-search.js';
import { dateTimeFormat } from '../../core/i18n/formats.js';

const loadOutbox = lazy(() => import('../../core/outbox/index.js'));

/** «Помог ли ответ?» for one article: asked, answered (a comment may follow), being sent, thanked, or failed. */
interface Feedback {
  phase: 'ask' | 'comment' | 'sending' | 'done' | 'error';
  helpful?: boolean;
  comment: string;
  /** Stored in this browser, to be sent when the connection is back. */
  waiting?: boolean;
  error?: AdapterError;
  /** «Удалите из комментария …»: the PII guard refused to send. */
  piiError?: string;
}

/** Maximum comment length (the reference server's FEEDBACK_COMMENT_MAX). */
const COMMENT_MAX = 1000;

/**
 * The opened article and its feedback: loaded after the search's first paint. The body is
 * rendered from typed blocks (Lit text bindings, links only `https:` or this site), the feedback
 * goes through the page's outbox (kind `article-feedback`), so it survives going offline.
 */
export class ArticleView implements ReactiveController {
  private readonly feedback = new Map<string, Feedback>();
  private lease?: Promise<OutboxLease>;

  constructor(private readonly el: GuFaqSearch) {
    el.addController(this);
  }

  hostDisconnected(): void {
    void this.lease?.then((lease) => lease.release(), () => undefined);
    this.lease = undefined;
  }

  private state(id: string): Feedback {
    let state = this.feedback.get(id);
    if (!state) this.feedback.set(id, (state = { phase: 'ask', comment: '' }));
    return state;
  }

  private change(id: string, change: Partial<Feedback>): void {
    this.feedback.set(id, { ...this.state(id), ...change });
    this.el.requestUpdate();
  }

  private outbox(): Promise<OutboxLease> {
    const { backend } = this.el;
    this.lease ??= loadOutbox().then(({ acquireOutbox }) =>
      // The outbox sends every kind through the full adapter; a record whose slice it lacks is set aside.
      (backend.outboxSource ?? acquireOutbox)({ adapter: backend.adapter as SupportAdapter, target: backend.target }),
    );
    this.lease.catch(() => (this.lease = undefined));
    return this.lease;
  }

  /**
   * The form's PII guard on the comment: passwords, card numbers and codes are shown with one-click
   * removal as the citizen types, and the feedback is not sent while any is there (the server
   * refuses them too). The kinds found are announced once per change, never the secret itself.
   */
  private typed(id: string, comment: string): void {
    const before = foundLabels(findSensitive(this.state(id).comment, this.el.locale));
    const kinds = foundLabels(findSensitive(comment, this.el.locale));
    this.change(id, { comment, ...(kinds ? {} : { piiError: undefined }) });
    if (kinds && kinds !== before) this.el.announce(this.el.t('faq.commentPiiFound', { found: kinds }));
  }

  private removeSecrets(id: string): void {
    const { comment } = this.state(id);
    this.change(id, { comment: removeFragments(comment, findSensitive(comment, this.el.locale)), piiError: undefined });
    this.el.announce(this.el.t('faq.commentPiiRemoved'));
  }

  private async send(article: Article): Promise<void> {
    const { helpful = false, comment } = this.state(article.id);
    const found = foundLabels(findSensitive(comment, this.el.locale));
    if (found) {
      this.change(article.id, { piiError: this.el.t('faq.commentPii', { found }) });
      await this.el.updateComplete;
      this.el.renderRoot.querySelector<HTMLElement>('#feedback-comment')?.focus();
      return;
    }
    this.change(article.id, { phase: 'sending' });
    const text = comment.trim();
    const payload: ArticleFeedbackPayload = { articleId: article.id, helpful, ...(text ? { comment: text } : {}), lang: this.el.locale };
    try {
      const { outbox } = await this.outbox();
      await outbox.enqueue('article-feedback', `faq:${article.id}`, payload, [], article.title);
      void outbox.drain();
      this.change(article.id, { phase: 'done', waiting: !navigator.onLine });
    } catch {
      // No IndexedDB in this browser (a private mode): straight to the backend, or say why not.
      try {
        const slice = this.el.backend.slice('faq');
        if (!slice) throw new Error('no FAQ slice');
        await slice.sendArticleFeedback(article.id, { helpful, ...(text ? { comment: text } : {}) }, { idempotencyKey: crypto.randomUUID(), lang: this.el.locale });
        this.change(article.id, { phase: 'done', waiting: false });
      } catch (error) {
        this.change(article.id, { phase: 'error', error: error as AdapterError });
      }
    }
  }

  private renderFeedback(article: Article) {
    const { el } = this;
    const state = this.state(article.id);
    const choose = (helpful: boolean) => this.change(article.id, { phase: 'comment', helpful });
    if (state.phase === 'done') {
      return html`<div part="feedback" class="notice" role="status">${el.t(state.waiting ? 'faq.thanksQueued' : 'faq.thanks')}</div>`;
    }
    const sending = state.phase === 'sending';
    const secrets = findSensitive(state.comment, el.locale);
    return html`<fieldset part="feedback">
      <legend>${el.t('faq.helpful')}</legend>
      <div class="choices">
        <button type="button" class="button secondary" aria-pressed=${state.helpful === true ? 'true' : 'false'} @click=${() => choose(true)}>${el.t('faq.yes')}</button>
        <button type="button" class="button secondary" aria-pressed=${state.helpful === false ? 'true' : 'false'} @click=${() => choose(false)}>${el.t('faq.no')}</button>
      </div>
      ${state.phase === 'ask'
        ? nothing
        : html`<label class="label" for="feedback-comment">${el.t(state.helpful ? 'faq.commentYes' : 'faq.comment')} ${el.t('field.optional')}</label>
            <textarea
              id="feedback-comment"
              maxlength=${COMMENT_MAX}
              aria-invalid=${state.piiError ? 'true' : 'false'}
              aria-describedby=${state.piiError ? 'feedback-comment-error' : nothing}
              .value=${state.comment}
              @input=${(e: Event) => this.typed(article.id, (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            ${state.piiError ? html`<p id="feedback-comment-error" class="notice error">${state.piiError}</p>` : nothing}
            ${secrets.length ? renderPiiWarning(state.comment, secrets, el.locale, () => this.removeSecrets(article.id)) : nothing}
            <button type="button" class="button" ?disabled=${sending} @click=${() => void this.send(article)}>${el.t('faq.sendFeedback')}</button>`}
      ${state.phase === 'error' ? html`<p class="notice error" role="alert">${errorText(el.locale, state.error?.kind ?? 'server', state.error)}</p>` : nothing}
    </fieldset>`;
  }

  render() {
    const { el } = this;
    const article = el.article;
    const back = html`<button type="button" class="link-button" @click=${() => el.back()}>← ${el.t('faq.back')}</button>`;
    if (!article) return html`<div part="article" class="article">${back}<p class="notice error" role="alert">${el.t('faq.notFound')}</p></div>`;
    const updated = dateTimeFormat(el.locale, { dateStyle: 'long', timeZone: 'Europe/Moscow' }).format(new Date(article.updatedAt));
    return html`<article part="article" class="article" aria-labelledby="article-title">
      ${back}
      <h2 id="article-title" tabindex="-1">${article.title}</h2>
      <p class="meta"><span class="chip">${el.categoryTitle(article.category)}</span> ${el.t('faq.updated', { date: updated })}</p>
      ${renderBlocks(parseArticleBody(article.body, location.origin))}
      ${this.renderFeedback(article)}
    </article>`;
  }
}
