import { defineConfig, type Plugin } from 'vite';

/** One build entry per public element, so a page that needs only the form loads only the form. */
export const entries = {
  index: 'src/index.ts',
  all: 'src/all.ts',
  'support-form': 'src/elements/support-form/index.ts',
  provider: 'src/elements/provider/index.ts',
  chat: 'src/elements/chat/index.ts',
  core: 'src/core/index.ts',
  outbox: 'src/core/outbox/index.ts',
};

/**
 * Indentation inside html`` and css`` templates reaches the browser as text it ignores: drop it.
 * Safe for all of src/: outside templates indentation means nothing to JavaScript, and no
 * template in src/ renders preformatted text.
 */
function dropTemplateIndentation(): Plugin {
  return {
    name: 'drop-template-indentation',
    enforce: 'pre',
    transform(code, id) {
      return /\/src\/.*\.ts$/.test(id) ? { code: code.replace(/\n[ \t]+/g, '\n'), map: null } : null;
    },
  };
}

/**
 * The compression Worker is started with a literal
 * `new Worker(new URL('./gu-compress-worker.js', import.meta.url), { type: 'module' })`
 * (src/core/attach/compress.ts), the form app bundlers recognise (Vite and webpack 5 are tested):
 * they find dist/chunks/gu-compress-worker.js beside the kit's chunk and emit it with the app.
 * - The kit's own library builds must leave that line exactly as written (Vite would otherwise
 *   resolve it against src/ and rewrite it), so it is swapped for a placeholder of the same length
 *   before Vite's worker and asset plugins run and put back in the output; the worker file itself
 *   is built by `--mode worker` and placed beside the chunks by scripts/place-worker.mjs.
 * - Elsewhere (Storybook, or any Vite dev server on src/) it points at the TypeScript source, which
 *   Vite then builds as a worker.
 */
const WORKER_LITERAL = /new Worker\(new URL\('\.\/gu-compress-worker\.js', import\.meta\.url\), \{ type: 'module' \}\)/g;
const WORKER_SOURCE = "new Worker(new URL('./gu-compress-worker.js', import.meta.url), { type: 'module' })";
const WORKER_PLACEHOLDER = `__gu_compress_worker__${'_'.repeat(WORKER_SOURCE.length - '__gu_compress_worker__()'.length)}()`;
function keepWorkerLiteral(): Plugin {
  let library = false;
  return {
    name: 'keep-worker-literal',
    enforce: 'pre',
    configResolved(config) {
      library = Boolean(config.build.lib);
    },
    transform(code, id) {
      if (!/\/src\/core\/attach\/.*\.ts$/.test(id) || !code.includes("new URL('./gu-compress-worker.js'")) return null;
      const replacement = library ? WORKER_PLACEHOLDER : "new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' })";
      return { code: code.replace(WORKER_LITERAL, replacement), map: null };
    },
    renderChunk(code) {
      if (!library || !code.includes(WORKER_PLACEHOLDER)) return null;
      return { code: code.split(WORKER_PLACEHOLDER).join(WORKER_SOURCE), map: null };
    },
  };
}

/**
 * Chunks that define elements or register strings do something when imported (package.json
 * `sideEffects` names them `chunks/gu-*.js`), so an app's bundler never drops a bare
 * `import './chunks/gu-….js'`; the rest may be tree-shaken freely.
 */
function sideEffectNames(chunk: { name: string; moduleIds: readonly string[] }): string {
  const registers = chunk.moduleIds.some((id) => /\/src\/(elements|events|core\/i18n\/catalogues)\//.test(id));
  return registers && !chunk.name.startsWith('gu-') ? 'chunks/gu-[name]-[hash].js' : 'chunks/[name]-[hash].js';
}

// `vite build`: ES modules per entry with Lit, @lit/context and idb left as imports (an app that
// already has Lit does not load it twice). `vite build --mode bundle`: dist/gu-support-kit.js, the
// autoloader for a plain `<script type="module">`, with Lit bundled and each element's code in
// content-hashed chunks under dist/kit/ that it imports only when the page uses the element.
export default defineConfig(({ mode }) => {
  // `--mode sw`: dist/gu-outbox-sw.js, the Background Sync handler for a portal's service worker.
  // `--mode worker`: dist/gu-compress-worker.js, the image compression Worker (found beside the kit's files).
  const standalone: Record<string, Record<string, string>> = {
    bundle: { 'gu-support-kit': 'src/autoloader.ts' },
    sw: { 'gu-outbox-sw': 'src/sw/outbox-sync.ts' },
    worker: { 'gu-compress-worker': 'src/core/attach/compress.worker.ts' },
  };
  const bundle = mode in standalone;
  const bundleEntry = standalone[mode] ?? {};
  return {
    plugins: [dropTemplateIndentation(), keepWorkerLiteral()],
    build: {
      target: 'es2022',
      emptyOutDir: !bundle,
      sourcemap: true,
      // The autoloader build's chunk graph, read by `npm run size` to weigh each element as served.
      manifest: mode === 'bundle' ? '.vite/kit-manifest.json' : false,
      minify: bundle,
      lib: bundle
        ? { entry: bundleEntry, formats: ['es'], fileName: (_format, name) => `${name}.js` }
        : { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rollupOptions:
        mode === 'bundle'
          ? {
              output: {
                chunkFileNames: 'kit/[name]-[hash].js',
                // The provider draws nothing: it loads Lit's reactive base without the template engine.
                codeSplitting: {
                  groups: [
                    { name: 'reactive-element', test: /node_modules[\\/]@lit[\\/]reactive-element[\\/]/ },
                    // What the provider and every element share (@lit/context and our contexts, the backend
                    // controller, the lazy REST client, tokens), then Lit with what every drawn element shares
                    // (base classes, strings): two files rather than several small ones, each compressed on its own.
                    { name: 'gu-shared', test: /node_modules[\\/]@lit[\\/]context[\\/]lib[\\/](context-request-event|create-context|controllers[\\/]context-consumer)|src[\\/](context[\\/]|define|theme[\\/]|elements[\\/]internal[\\/]base[\\/]backend-controller|core[\\/](lazy\.|adapter[\\/](lazy-rest|errors|types)))/ },
                    { name: 'lit', test: /node_modules[\\/](lit-html|lit-element|lit)[\\/]|src[\\/](elements[\\/]internal[\\/]base[\\/](gu-|lang)|core[\\/](i18n[\\/](catalogue\.|translate|catalogues[\\/]common|ru[\\/]common)|validate[\\/]word-bounds|attach[\\/](bytes|limits))|events[\\/]gu-handoff)/ },
                  ],
                },
              },
            }
          : bundle
            ? { output: { codeSplitting: false } }
            : { external: [/^lit(\/|$)/, /^@lit\//, /^idb(\/|$)/], output: { chunkFileNames: sideEffectNames } },
    },
  };
});
