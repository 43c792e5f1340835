import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** One build entry per public element, so a page that needs only the form loads only the form. */
export const entries = {
  index: 'src/index.ts',
  all: 'src/all.ts',
  'support-form': 'src/elements/support-form/index.ts',
  provider: 'src/elements/provider/index.ts',
  chat: 'src/elements/chat/index.ts',
  'faq-search': 'src/elements/faq-search/index.ts',
  'ticket-status': 'src/elements/ticket-status/index.ts',
  core: 'src/core/index.ts',
  outbox: 'src/core/outbox/index.ts',
};

/**
 * Indentation inside html`` and css`` templates, and comments inside css``, reach the browser as
 * text it ignores: drop them.
 * Safe for all of src/: outside templates indentation means nothing to JavaScript, and no
 * template in src/ renders preformatted text.
 */
function dropTemplateIndentation(): Plugin {
  return {
    name: 'drop-template-indentation',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      // Comments inside css`` templates are text the browser ignores too.
      const styles = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
      return { code: code.replace(/\n[ \t]+/g, '\n').replace(/css`[^`]*`/g, styles), map: null };
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

/** dist/gu-support-kit.css beside the autoloader: the space each element keeps before it is defined. */
function kitCss(): Plugin {
  return {
    name: 'kit-css',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'gu-support-kit.css', source: readFileSync('src/styles/gu-support-kit.css', 'utf8') });
    },
  };
}

/**
 * The autoloader asks for an element's chunk only when the page uses it, and the browser would
 * learn that chunk's own imports (Lit, the base classes) only after it arrives: one more round
 * trip (400 ms on a slow mobile network). So each `import()` in the autoloader first adds
 * `<link rel="modulepreload">` for everything that chunk imports statically, fetched in parallel.
 */
function preloadElementImports(): Plugin {
  return {
    name: 'preload-element-imports',
    generateBundle(_options, bundle) {
      const entry = bundle['gu-support-kit.js'];
      if (entry?.type !== 'chunk') return;
      const staticImports = (file: string, seen = new Set<string>()): Set<string> => {
        const chunk = bundle[file];
        if (chunk?.type !== 'chunk') return seen;
        for (const imported of chunk.imports) if (!seen.has(imported)) staticImports(imported, seen.add(imported));
        return seen;
      };
      let used = false;
      entry.code = entry.code.replace(/import\((["`])\.\/(kit\/[^"`]+\.js)\1\)/g, (call, _quote: string, file: string) => {
        const deps = [...staticImports(file)].map((dep) => `"./${dep}"`);
        used ||= deps.length > 0;
        return deps.length ? `(__guPreload([${deps.join(',')}]), ${call})` : call;
      });
      // Appended (a hoisted function declaration), so the lines and columns before the first
      // preload call keep their place in the source map.
      const helper = `function __guPreload(files){const seen=(__guPreload.seen??=new Set);document.head.append(...files.filter((file)=>!seen.has(file)).map((file)=>(seen.add(file),Object.assign(document.createElement('link'),{rel:'modulepreload',href:new URL(file,import.meta.url).href}))))}`;
      if (used) entry.code = entry.code.replace(/(\n\/\/# sourceMappingURL=[^\n]*)?\n?$/, (comment = '') => `\n${helper}${comment}\n`);
    },
  };
}

/**
 * Vite writes the FAQ Worker's address as `new URL("faq.worker-….js", import.meta.url)`: right for
 * a browser, but app bundlers (webpack) read a bare name as a package. `./` makes it the file beside.
 */
function relativeWorkerUrls(): Plugin {
  return {
    name: 'relative-worker-urls',
    renderChunk(code) {
      const fixed = code.replace(/new URL\((["`])(faq\.worker-[\w-]+\.js)\1/g, 'new URL($1./$2$1');
      return fixed === code ? null : { code: fixed, map: null };
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
    // Relative URLs for emitted files (the FAQ index Worker): the kit works from any folder a portal copies it to.
    base: './',
    plugins: [dropTemplateIndentation(), keepWorkerLiteral(), relativeWorkerUrls(), ...(mode === 'bundle' ? [kitCss(), preloadElementImports()] : [])],
    build: {
      target: 'es2022',
      emptyOutDir: !bundle,
      // Emitted files (the FAQ index Worker) go beside the chunks that start them.
      assetsDir: mode === 'bundle' ? 'kit' : 'chunks',
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
              // Needed by a group without its dependencies (gu-kit-base); the autoloader's own exports stay as they are.
              preserveEntrySignatures: 'allow-extension',
              output: {
                chunkFileNames: 'kit/[name]-[hash].js',
                // Vite keeps whitespace in library builds (for the app bundlers that re-minify them);
                // these files go to browsers as they are, so they lose it too.
                minify: { codegen: { removeWhitespace: true } },
                // Nor do they need the bundler hints (`/* @__PURE__ */`, ~90 of them) or JSDoc.
                comments: { annotation: false, jsdoc: false },
                // The provider draws nothing: it loads Lit's reactive base without the template engine.
                codeSplitting: {
                  groups: [
                    { name: 'reactive-element', test: /node_modules[\\/]@lit[\\/]reactive-element[\\/]/ },
                    { name: 'lit', test: /node_modules[\\/](lit-html|lit-element|lit)[\\/](?!directives[\\/]guard)/ },
                    // What every drawing element needs (language, strings, backend, and the small modules the form and the
                    // chat both use): one file, not several small ones (each file is compressed on its own).
                    { name: 'gu-kit-base', test: /src[\\/](core[\\/]i18n[\\/](catalogue|translate|formats|errors|ru[\\/]common|catalogues[\\/]common)\.ts|core[\\/]adapter[\\/]types\.ts|core[\\/]attach[\\/](limits|bytes)\.ts|core[\\/]validate[\\/](word-bounds|graphemes)\.ts|events[\\/]gu-handoff\.ts|elements[\\/]internal[\\/]base[\\/])|context-consumer\.js|rolldown[\\/]runtime/, includeDependenciesRecursively: false },
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
