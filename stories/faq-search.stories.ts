import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { MemoryAdapter } from '../src/core/adapter/memory.js';
import '../src/elements/faq-search/gu-faq-search.js';
import type { GuFaqSearch } from '../src/elements/faq-search/gu-faq-search.js';
import { storyArticles, storyCategories } from './faq-articles.js';

const adapter = () => new MemoryAdapter({ articles: storyArticles, faqCategories: storyCategories });

const meta: Meta = {
  title: 'Элементы/gu-faq-search',
  component: 'gu-faq-search',
  // An article is the address `#faq/<id>`: every story starts without one.
  beforeEach: () => history.replaceState(null, '', location.pathname + location.search),
  render: () => html`<gu-faq-search .adapter=${adapter()}></gu-faq-search>`,
};
export default meta;
type Story = StoryObj;

async function ready(canvas: HTMLElement): Promise<GuFaqSearch> {
  const el = canvas.querySelector('gu-faq-search')!;
  while (el.status === 'loading') await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}

async function search(canvas: HTMLElement, text: string): Promise<GuFaqSearch> {
  const el = await ready(canvas);
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  while (!el.settled) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}

async function openArticle(canvas: HTMLElement, id: string): Promise<GuFaqSearch> {
  const el = await ready(canvas);
  el.open(id);
  while (!el.shadowRoot!.querySelector('#article-title')) await new Promise((r) => setTimeout(r, 20));
  return el;
}

/** The empty box: popular questions. */
export const Popular: Story = {};

/** Results as you type, with a typo: matched words marked, sections as chips. */
export const Results: Story = { play: ({ canvasElement }) => search(canvasElement, 'восстоновление пороля').then(() => undefined) };

/** Nothing matched: the spelling the corpus knows and the way to the form. */
export const NoResults: Story = { play: ({ canvasElement }) => search(canvasElement, 'квитанцыя за газ').then(() => undefined) };

/** An article with «Помог ли ответ?». */
export const Article: Story = { play: ({ canvasElement }) => openArticle(canvasElement, 'ne-prihodit-sms-kod').then(() => undefined) };

/** Feedback given: «Нет» with a comment, sent through the outbox. */
export const FeedbackSent: Story = {
  play: async ({ canvasElement }) => {
    const el = await openArticle(canvasElement, 'oshibka-401');
    const [, no] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=feedback] .choices button');
    no!.click();
    await el.updateComplete;
    const comment = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#feedback-comment')!;
    comment.value = 'Не помогло: ошибка повторяется в другом браузере';
    comment.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=feedback] .button:not(.secondary)')!.click();
  },
};

/** A password typed into the comment: the form's warning, with one-click removal; not sent until removed. */
export const FeedbackSecret: Story = {
  play: async ({ canvasElement }) => {
    const el = await openArticle(canvasElement, 'oshibka-401');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=feedback] .choices button')[1]!.click();
    await el.updateComplete;
    const comment = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#feedback-comment')!;
    comment.value = 'Не пускает, мой пароль: Qwerty123';
    comment.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=feedback] .button:not(.secondary)')!.click();
  },
};

/** Without a connection: the copy kept in this browser is searched, and the element says so. */
export const Offline: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement, 'ошибка 503');
    el.offline = true;
  },
};

/** The articles could not be loaded: what happened and a retry. */
export const LoadError: Story = {
  render: () => {
    const failing = adapter();
    failing.failNext('server');
    return html`<gu-faq-search .adapter=${failing}></gu-faq-search>`;
  },
};

export const English: Story = {
  render: () => html`<div lang="en"><gu-faq-search .adapter=${adapter()}></gu-faq-search></div>`,
  play: ({ canvasElement }) => search(canvasElement, 'error 401').then(() => undefined),
};

export const LowVision: Story = {
  render: () => html`<gu-faq-search .adapter=${adapter()} theme="low-vision"></gu-faq-search>`,
  play: ({ canvasElement }) => search(canvasElement, 'смс').then(() => undefined),
};
