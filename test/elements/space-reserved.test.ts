import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { linkKitCss } from '../helpers/kit-css.js';

/**
 * The kit's CSS (dist/gu-support-kit.css) keeps the form's place before its code has arrived: the
 * height before definition, at its first view and once everything has loaded differ by at most 2 %.
 * This file must not import the form statically: it measures it undefined first.
 */
describe('gu-support-kit.css: space kept before the form is defined', function () {
  this.timeout(30_000);

  // A desktop column (42rem) and a phone (412 px wide, the form in a column 6rem narrower, as on the demo portal).
  const cases = [
    { viewport: { width: 1000, height: 800 }, column: 672 },
    { viewport: { width: 412, height: 823 }, column: 316 },
  ].map((c) => ({ ...c, form: document.createElement('gu-support-form') as GuSupportForm, before: 0, heights: [] as number[] }));

  before(async () => {
    await clearLocalData();
    await linkKitCss();
  });

  it('the undefined form takes its place (measured in both widths before the code is imported)', async () => {
    expect(customElements.get('gu-support-form')).to.equal(undefined);
    for (const c of cases) {
      await setViewport(c.viewport);
      const box = document.createElement('div');
      box.style.width = `${c.column}px`;
      // As on the demo portal, whose page the heights were measured on.
      c.form.setAttribute('consent-url', '/consent.html');
      c.form.setAttribute('policy-url', '/policy.html');
      c.form.setAttribute('draft-key', `space-${c.column}`);
      box.append(c.form);
      document.body.append(box);
      c.before = c.form.getBoundingClientRect().height;
      box.hidden = true;
      expect(c.before).to.be.greaterThan(1000);
    }
  });

  it('its height stays within 2 % through its first view and until everything has loaded', async () => {
    await setViewport(cases[0]!.viewport);
    for (const c of cases) c.form.adapter = new MemoryAdapter();
    await import('../../src/elements/support-form/index.js');
    for (const c of cases) {
      await setViewport(c.viewport);
      c.form.parentElement!.hidden = false;
      const observer = new ResizeObserver(() => c.heights.push(c.form.getBoundingClientRect().height));
      observer.observe(c.form);
      await c.form.updateComplete;
      await customElements.whenDefined('gu-file-drop');
      await c.form.fileDrop!.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      c.heights.push(c.form.getBoundingClientRect().height);
      observer.disconnect();
      c.form.parentElement!.hidden = true;
      const seen = `${c.viewport.width} px: ${[c.before, ...c.heights].map(Math.round).join(' → ')}`;
      for (const height of c.heights) expect(Math.abs(height - c.before) / c.before, seen).to.be.at.most(0.02);
    }
  });
});
