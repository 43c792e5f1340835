import { defineConfig } from 'vite';

/** One build entry per public element, so a page that needs only the form loads only the form. */
export const entries = {
  index: 'src/index.ts',
  'support-form': 'src/elements/support-form/index.ts',
  provider: 'src/elements/provider/index.ts',
  core: 'src/core/index.ts',
};

// `vite build`: ES modules per entry with Lit, @lit/context and idb left as imports (an app that
// already has Lit does not load it twice). `vite build --mode bundle`: dist/gu-support-kit.js,
// everything inlined and minified, for a plain `<script type="module">`.
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  return {
    build: {
      target: 'es2022',
      emptyOutDir: !bundle,
      sourcemap: true,
      minify: bundle,
      lib: bundle
        ? { entry: { 'gu-support-kit': 'src/index.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` }
        : { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rollupOptions: bundle ? { output: { inlineDynamicImports: true } } : { external: [/^lit(\/|$)/, /^@lit\//, /^idb(\/|$)/], output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
});
