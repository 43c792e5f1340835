import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/elements/provider/gu-support-provider.js';

// Autodocs (attributes, properties, events, parts, CSS properties) come from the JSDoc via the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  // Language and theme for every story from the toolbar: the provider passes both to the
  // elements inside it exactly as on a portal page (its `lang` and its `--gu-*` properties).
  globalTypes: {
    locale: {
      description: 'Язык элементов',
      toolbar: { title: 'Язык', icon: 'globe', items: [{ value: 'ru', title: 'Русский' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    kitTheme: {
      description: 'Тема элементов',
      toolbar: { title: 'Тема', icon: 'contrast', items: [{ value: 'default', title: 'Обычная' }, { value: 'low-vision', title: 'Для слабовидящих' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'ru', kitTheme: 'default' },
  decorators: [
    (story, { globals }) =>
      html`<gu-support-provider lang=${globals.locale ?? 'ru'} theme=${globals.kitTheme === 'low-vision' ? 'low-vision' : ''}>${story()}</gu-support-provider>`,
  ],
};
export default preview;
