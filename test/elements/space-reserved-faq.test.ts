import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { clearFaqCache } from '../../src/core/search/cache.js';
import type { GuFaqSearch } from '../../src/elements/faq-search/gu-faq-search.js';
import { demoArticles } from '../helpers/articles.js';
import { until } from '../helpers/form.js';
import { referenceServer } from '../helpers/reference-server.js';
import { linkKitCss } from '../helpers/kit-css.js';

/**
 * gu-support-kit.css keeps the FAQ search's place before its code has arrived, and the element
 * keeps it while its articles load: undefined, loading and with its popular questions it is as
 * tall (within 2 %). Measured in the demo portal's column at a phone's and a desktop's width. This
 * file must not import the element statically: it measures it undefined first.
 */
describe('gu-support-kit.css: space kept before <gu-faq-search> is defined and while it loads', function () {
  this.timeout(30_000);

  // The demo portal's column: the viewport (at most 72rem) less 3rem of margins.
  const cases = [
    { viewport: { width: 412, height: 823 }, column: 364 },
    { viewport: { width: 1000, height: 800 }, column: 952 },
  ].map((c) => ({ ...c, el: document.createElement('gu-faq-search') as GuFaqSearch, heights: [] as number[] }));

  before(async () => {
    await clearFaqCache();
    await linkKitCss();
  });

  it('undefined, loading and ready: the same height', async () => {
    const { api } = await referenceServer();
    const articles = await demoArticles(api);
    let arrive!: () => void;
    const gate = new Promise<void>((resolve) => (arrive = resolve));
    expect(customElements.get('gu-faq-search')).to.equal(undefined);
    for (const c of cases) {
      await setViewport(c.viewport);
      const box = document.createElement('div');
      box.style.width = `${c.column}px`;
      box.append(c.el);
      document.body.append(box);
      c.heights.push(c.el.getBoundingClientRect().height);
      box.hidden = true;
      const adapter = new MemoryAdapter({ articles });
      const list = adapter.listArticles.bind(adapter);
      adapter.listArticles = async (...args) => {
        await gate;
        return list(...args);
      };
      c.el.adapter = adapter;
    }
    await import('../../src/elements/faq-search/index.js');
    const measure = async () => {
      for (const c of cases) {
        await setViewport(c.viewport);
        c.el.parentElement!.hidden = false;
        await c.el.updateComplete;
        c.heights.push(c.el.getBoundingClientRect().height);
        c.el.parentElement!.hidden = true;
      }
    };
    await measure();
    for (const c of cases) expect(c.el.status).to.equal('loading');
    arrive();
    for (const c of cases) await until(() => c.el.status === 'ready');
    await measure();
    for (const c of cases) {
      const seen = `${c.viewport.width} px: ${c.heights.map(Math.round).join(' → ')}`;
      expect(c.el.shadowRoot!.querySelectorAll('.popular a'), seen).to.have.length(10);
      for (const height of c.heights) expect(Math.abs(height - c.heights[0]!) / c.heights[0]!, seen).to.be.at.most(0.02);
    }
  });
});
