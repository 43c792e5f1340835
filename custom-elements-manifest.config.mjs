// Custom Elements Manifest of the package as published: the public elements (those a package.json
// export reaches), their tag names, public attributes and properties (inherited ones included),
// typed events, slots, parts and CSS properties from the JSDoc. Internal elements and state are
// left out; paths name the JavaScript files a page imports. See scripts/manifest-plugins.mjs;
// scripts/check-elements-api.mjs checks the result against the sources.
import { guManifestPlugins } from './scripts/manifest-plugins.mjs';

export default {
  // The base element and the event maps are read too, for inheritance and event types.
  globs: ['src/index.ts', 'src/elements/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  plugins: guManifestPlugins(),
};
