import { html, nothing } from 'lit';
import { errorText } from '../../core/i18n/errors.js';
import { articleHash } from './deep-link.js';
import type { GuFaqSearch } from './gu-faq-search.js';

function handoffButton(el: GuFaqSearch) {
  return html`<p class="handoff"><button part="handoff" type="button" class="button secondary" @click=${() => el.handoff(el.article)}>${el.t('faq.writeToSupport')}</button></p>`;
}

/** A plain click opens here (one history entry); with a modifier the browser opens a new tab or window. */
function openLink(e: MouseEvent, el: GuFaqSearch, id: string): void {
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  el.open(id);
}

function popular(el: GuFaqSearch) {
  const hits = el.popular;
  return hits.length
    ? html`<section class="popular" aria-labelledby="popular-heading">
        <h2 id="popular-heading" class="subheading">${el.t('faq.popular')}</h2>
        <ul class="links" role="list">
          ${hits.map((hit) => html`<li><a href=${articleHash(hit.id)} @click=${(e: MouseEvent) => openLink(e, el, hit.id)}>${hit.title}</a></li>`)}
        </ul>
      </section>`
    : nothing;
}

/**
 * Loading with an empty box: the popular questions' place, one grey line per question to come, so
 * nothing below moves when they arrive (on a slow phone the articles come seconds after the page).
 */
function popularPlaceholder(el: GuFaqSearch) {
  return html`<section class="popular" aria-labelledby="popular-heading">
    <h2 id="popular-heading" class="subheading">${el.t('faq.popular')}</h2>
    <p class="visually-hidden" role="status">${el.t('faq.loading')}</p>
    <ul class="links placeholder" role="list" aria-hidden="true">
      ${Array.from({ length: Math.min(el.limit, 20) }, () => html`<li><span></span></li>`)}
    </ul>
  </section>`;
}

/** «Возможно, вы имели в виду …»: the query as the corpus spells it, one click to search for it. */
function didYouMean(el: GuFaqSearch) {
  const { suggestion } = el;
  return suggestion
    ? html`<p class="suggestion">${el.t('faq.didYouMean')}
        <button type="button" class="link-button" @click=${() => el.useSuggestion(suggestion)}>${suggestion}</button>?</p>`
    : nothing;
}

function nothingFound(el: GuFaqSearch) {
  return html`<div class="nothing">
    <p class="subheading">${el.t('faq.nothing', { query: el.query.trim() })}</p>
    ${didYouMean(el)}
    <p>${el.t('faq.nothingHint')}</p>
  </div>`;
}

/** Below the box: loading, failure, the article, popular questions, or what to do when nothing matched. */
export function renderBody(el: GuFaqSearch) {
  if (el.status === 'error') {
    return html`<div class="notice error" role="alert">
        <p>${el.errorKind === 'offline' ? el.t('faq.failed') : errorText(el.locale, el.errorKind ?? 'server')}</p>
        <button type="button" class="button secondary" @click=${() => void el.load()}>${el.t('faq.retry')}</button>
      </div>
      ${handoffButton(el)}`;
  }
  if (el.status === 'loading' && !el.articleId && !el.query.trim()) return popularPlaceholder(el);
  if (el.status === 'loading' || (el.articleId && !el.view)) return html`<p class="loading" role="status">${el.t('faq.loading')}</p>`;
  if (el.articleId) return html`${el.view!.render()} ${handoffButton(el)}`;
  const text = el.query.trim();
  if (!text) return popular(el);
  return html`${el.results.length ? didYouMean(el) : el.settled ? nothingFound(el) : nothing} ${handoffButton(el)}`;
}
