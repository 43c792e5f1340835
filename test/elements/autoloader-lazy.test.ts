import { expect } from '@open-wc/testing';
import { until } from '../helpers/form.js';

/**
 * `loading="lazy"` in the autoloader: a lazy tag's code waits for the eager ones to draw and for
 * idle time, and comes at once when the tag nears the viewport or loses the attribute. Idle time is
 * under the test's control (requestIdleCallback is replaced before the autoloader runs), so each
 * way is seen on its own, whatever the machine's speed. Nothing here is imported statically.
 */
describe('autoloader: loading="lazy"', function () {
  this.timeout(30_000);
  const idle: IdleRequestCallback[] = [];
  const spacer = '<div style="height: 300vh"></div>';
  const page = document.createElement('div');

  before(() => {
    window.requestIdleCallback = (callback) => idle.push(callback);
    page.innerHTML = `<gu-faq-search></gu-faq-search>${spacer}<gu-ticket-status loading="lazy"></gu-ticket-status>${spacer}<gu-chat loading="lazy" mode="inline"></gu-chat>${spacer}<gu-support-form loading="lazy"></gu-support-form>${spacer}<gu-support-provider loading="lazy"></gu-support-provider>`;
    document.body.append(page);
  });
  after(() => page.remove());

  it('waits while the eager elements draw and the browser is busy', async () => {
    const { discover } = await import('../../src/autoloader.js');
    await discover(page);
    await page.querySelector('gu-faq-search')!.updateComplete;
    // Drawn: the autoloader now asks for idle time, which this test withholds.
    await until(() => idle.length > 0);
    for (const tag of ['gu-ticket-status', 'gu-chat', 'gu-support-form', 'gu-support-provider']) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('loads a lazy tag that comes near the viewport', async () => {
    page.querySelector('gu-ticket-status')!.scrollIntoView();
    await until(() => Boolean(customElements.get('gu-ticket-status')));
    expect(customElements.get('gu-chat'), 'one further down still waits').to.equal(undefined);
  });

  it('loads a lazy tag at once when its loading attribute is taken off', async () => {
    page.querySelector('gu-chat')!.removeAttribute('loading');
    await until(() => Boolean(customElements.get('gu-chat')));
  });

  it('loads the rest once the browser is idle, but not a tag removed from the page meanwhile', async () => {
    page.querySelector('gu-support-provider')!.remove();
    idle.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 }));
    await until(() => Boolean(customElements.get('gu-support-form')));
    expect(customElements.get('gu-support-provider'), 'removed: not loaded').to.equal(undefined);
  });
});
