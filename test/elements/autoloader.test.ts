import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { discover } from '../../src/autoloader.js';
import { until } from '../helpers/form.js';

/** The one-file build: only the tags on the page are loaded, also those added later. */
describe('autoloader (dist/gu-support-kit.js)', () => {
  it('loads an element present in the page, one added later, and nothing else', async () => {
    expect(customElements.get('gu-support-form')).to.equal(undefined);
    const later = document.createElement('div');
    document.body.append(later);
    // Added after the autoloader started watching (the import above ran it): a portal rendering late.
    later.innerHTML = '<gu-support-form draft-key="autoloader-test"></gu-support-form>';
    await until(() => Boolean(customElements.get('gu-support-form')));
    const form = later.querySelector('gu-support-form')!;
    form.adapter = new MemoryAdapter();
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('form')).to.not.equal(null);
    expect(customElements.get('gu-support-provider'), 'a tag not on the page is not loaded').to.equal(undefined);
    later.innerHTML = '<gu-support-provider></gu-support-provider>';
    await discover(later);
    expect(customElements.get('gu-support-provider')).to.not.equal(undefined);
    later.remove();
  });
});
