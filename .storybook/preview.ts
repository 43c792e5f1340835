import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import manifest from '../custom-elements.json';

// Autodocs (attributes, properties, events, parts, CSS properties) come from the JSDoc via the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;
