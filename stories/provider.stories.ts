import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { MemoryAdapter } from '../src/core/adapter/memory.js';
import '../src/elements/provider/gu-support-provider.js';
import '../src/elements/support-form/gu-support-form.js';

const meta: Meta = {
  title: 'Элементы/gu-support-provider',
  component: 'gu-support-provider',
  args: { theme: '' },
  render: (args) =>
    html`<gu-support-provider .adapter=${new MemoryAdapter()} theme=${args.theme} app-version="portal 2.4.1">
      <gu-support-form></gu-support-form>
    </gu-support-provider>`,
};
export default meta;

export const SharedAdapter: StoryObj = {};
export const LowVisionForAll: StoryObj = { args: { theme: 'low-vision' } };
