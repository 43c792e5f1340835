import { getCustomElements, type Meta, type StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { MemoryAdapter } from '../src/core/adapter/memory.js';
import { tokens } from '../src/theme/tokens.js';
import '../src/elements/support-form/gu-support-form.js';

/** Every `--gu-*` token with its default, read from the kit's own token sheet (so none is missed). */
const TOKENS = [...tokens.cssText.matchAll(/var\((--gu-[\w-]+),\s*(.+?)\);/g)].map(([, name, fallback]) => ({ name: name!, fallback: fallback!.trim() }));

interface ManifestPart {
  name: string;
  description?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  cssParts?: ManifestPart[];
}

/** Every `::part()` of every public element, from the Custom Elements Manifest (set in .storybook/preview.ts). */
const PARTS = ((getCustomElements() ?? { modules: [] }) as { modules: { declarations?: ManifestDeclaration[] }[] }).modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap((declaration) => (declaration.tagName ? (declaration.cssParts ?? []).map((part) => ({ tag: declaration.tagName!, ...part })) : []));

/** Styles typed into the «CSS для ::part()» control, applied without inline CSS (works under CSP). */
const partSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, partSheet];

const meta: Meta = {
  title: 'Тема',
  parameters: { docs: { description: { component: 'Все токены `--gu-*` и части `::part()` элементов: меняйте значения и смотрите на настоящих элементах.' } } },
  argTypes: {
    ...Object.fromEntries(TOKENS.map(({ name, fallback }) => [name, { control: fallback.startsWith('#') ? 'color' : 'text', description: `По умолчанию: ${fallback}` }])),
    partCss: { control: 'text', name: 'CSS для ::part()', description: `Например: gu-support-form::part(submit) { border-radius: 0 }. Части: ${PARTS.map((p) => `${p.tag}::part(${p.name})`).join(', ')}` },
  },
  args: { ...Object.fromEntries(TOKENS.map(({ name, fallback }) => [name, fallback])), partCss: '' },
};
export default meta;
type Story = StoryObj;

function themed(args: Record<string, string>) {
  partSheet.replaceSync(args.partCss ?? '');
  return Object.fromEntries(TOKENS.map(({ name }) => [name, args[name] ?? '']));
}

/** Change any token or part in the controls; the form below follows. */
export const Tokens: Story = {
  name: 'Токены и части',
  render: (args) => html`<div style=${styleMap(themed(args))}>
    <gu-support-form .adapter=${new MemoryAdapter()} consent-url="#consent"></gu-support-form>
  </div>`,
};

/** The default and the low-vision theme (GOST R 52872-2019) on the same form, side by side. */
export const SideBySide: Story = {
  name: 'Обычная и для слабовидящих',
  parameters: { layout: 'fullscreen', controls: { disable: true } },
  render: () => html`<div style=${styleMap({ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: '2rem', padding: '1rem' })}>
    <section aria-label="Обычная тема"><gu-support-form .adapter=${new MemoryAdapter()}></gu-support-form></section>
    <section aria-label="Тема для слабовидящих"><gu-support-form theme="low-vision" .adapter=${new MemoryAdapter()}></gu-support-form></section>
  </div>`,
};

/** The list of tokens and parts as a table, for designers handing values to a portal team. */
export const Reference: Story = {
  name: 'Справочник',
  parameters: { controls: { disable: true } },
  render: () => html`<table>
      <caption>Токены --gu-*</caption>
      <thead><tr><th scope="col">Свойство</th><th scope="col">По умолчанию</th></tr></thead>
      <tbody>${TOKENS.map(({ name, fallback }) => html`<tr><td><code>${name}</code></td><td><code>${fallback}</code></td></tr>`)}</tbody>
    </table>
    <table>
      <caption>Части ::part()</caption>
      <thead><tr><th scope="col">Элемент</th><th scope="col">Часть</th><th scope="col">Что это</th></tr></thead>
      <tbody>${PARTS.map((part) => html`<tr><td><code>${part.tag}</code></td><td><code>::part(${part.name})</code></td><td>${part.description ?? ''}</td></tr>`)}</tbody>
    </table>`,
};
