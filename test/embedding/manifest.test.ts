import { expect, fixture } from '@open-wc/testing';
import type { CSSResult, PropertyDeclaration } from 'lit';
import '../../src/all.js';

/**
 * custom-elements.json against the elements as the browser sees them (the Node check
 * scripts/check-elements-api.mjs compares it with the sources): every attribute the element
 * observes and every public Lit property is listed, no internal state is, and the parts and
 * slots a freshly rendered element shows are documented. Generic over every element in the
 * manifest. Needs the manifest: `npm run manifest` (the build makes it).
 */
interface Manifest {
  modules: {
    declarations?: {
      tagName?: string;
      attributes?: { name: string; fieldName?: string }[];
      members?: { kind: string; name: string }[];
      cssParts?: { name: string }[];
      cssProperties?: { name: string }[];
      slots?: { name: string }[];
    }[];
  }[];
}

const response = await fetch('/custom-elements.json');
if (!response.ok) throw new Error('custom-elements.json is missing: run `npm run manifest` first');
const manifest = (await response.json()) as Manifest;
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

describe('custom-elements.json matches the elements at run time', () => {
  it('lists public elements', () => {
    expect(elements.map((e) => e.tagName)).to.include.members(['gu-support-form', 'gu-support-provider']);
  });

  for (const doc of elements) {
    const tag = doc.tagName!;
    describe(`<${tag}>`, () => {
      const constructor = () =>
        customElements.get(tag) as (CustomElementConstructor & { observedAttributes: string[]; elementProperties: Map<PropertyKey, PropertyDeclaration>; elementStyles: (CSSResult | CSSStyleSheet)[] }) | undefined;

      it('is registered under its tagName', () => {
        expect(constructor(), `${tag} is defined`).to.be.a('function');
      });

      it('lists exactly the attributes it observes', () => {
        expect([...(doc.attributes ?? []).map((a) => a.name)].sort()).to.deep.equal([...constructor()!.observedAttributes].sort());
      });

      it('lists every public property and no internal state', () => {
        const fields = new Set((doc.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name));
        for (const [name, options] of constructor()!.elementProperties) {
          if (options.state) expect(fields.has(String(name)), `state ${String(name)} must not be listed`).to.equal(false);
          else expect(fields.has(String(name)), `property ${String(name)} must be listed`).to.equal(true);
        }
      });

      it('lists exactly the --gu-* custom properties its styles read', () => {
        const text = constructor()!
          .elementStyles.map((s) => ('cssText' in s && typeof s.cssText === 'string' ? s.cssText : [...(s as CSSStyleSheet).cssRules].map((r) => r.cssText).join('\n')))
          .join('\n');
        const read = new Set([...text.matchAll(/var\(\s*(--gu-[\w-]+)/g)].map((m) => m[1]!));
        expect((doc.cssProperties ?? []).map((p) => p.name).sort()).to.deep.equal([...read].sort());
      });

      it('documents the parts and slots it renders', async () => {
        const el = await fixture<HTMLElement & { updateComplete?: Promise<unknown> }>(`<${tag}></${tag}>`);
        await el.updateComplete;
        const root = el.shadowRoot!;
        const parts = new Set([...root.querySelectorAll('[part]')].flatMap((p) => p.getAttribute('part')!.split(/\s+/)));
        const slots = new Set([...root.querySelectorAll('slot')].map((s) => s.getAttribute('name') ?? ''));
        expect([...parts].filter((p) => !(doc.cssParts ?? []).some((d) => d.name === p)), 'undocumented parts').to.deep.equal([]);
        expect([...slots].filter((s) => !(doc.slots ?? []).some((d) => d.name === s)), 'undocumented slots').to.deep.equal([]);
      });
    });
  }
});
