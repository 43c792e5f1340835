// Analyzer plugins that make custom-elements.json describe the public API of the package as
// published (used by custom-elements-manifest.config.mjs). Generic: a new element needs nothing
// here, only its JSDoc, its `define('gu-…', Class)` call and an entry in package.json `exports`.
//
// - `define('gu-x', GuX)` (our safe wrapper of customElements.define) gives the class its tagName.
// - Lit `static properties` entries with `state: true` are internal state: no attribute, no member.
// - Private, protected and static members are left out; inherited public members (endpoint,
//   adapter, theme from the base element) stay, without pointing at files the package lacks.
// - Events get their type from the `HTMLElementEventMap` / `GlobalEventHandlersEventMap` entry.
// - CSS properties: besides the element's @cssprop tags, the shared `--gu-*` tokens every element
//   reads (src/theme/tokens.ts), with their defaults (test/embedding/manifest.test.ts checks the
//   list against the styles each element really has).
// - Only elements reachable from a package.json export stay, and each module's path is the
//   JavaScript file a user imports (dist/support-form.js), not a TypeScript source.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

const EVENT_MAPS = new Set(['HTMLElementEventMap', 'GlobalEventHandlersEventMap']);
const TOKENS_FILE = 'src/theme/tokens.ts';

/** The shared design tokens: `var(--gu-name, default)` in the tokens stylesheet. */
export function designTokens(text = readFileSync(TOKENS_FILE, 'utf8')) {
  return [...text.matchAll(/var\((--gu-[\w-]+),\s*([^;]+?)\);/g)].map(([, name, fallback]) => ({ name, default: fallback.trim() }));
}

/** package.json exports → { subpath, js, types, source } for entries with JavaScript and types. */
export function packageEntries(pkg = JSON.parse(readFileSync('package.json', 'utf8'))) {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== 'object' || !target.types || !target.default) continue;
    const types = target.types.replace(/^\.\//, '');
    const source = types.replace(/^dist\/types\//, 'src/').replace(/\.d\.ts$/, '.ts');
    entries.push({ subpath, js: target.default.replace(/^\.\//, ''), types, source });
  }
  return entries;
}

function propertiesObject(ts, member) {
  if (!member.name || member.name.getText() !== 'properties') return undefined;
  if (!member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return undefined;
  if (ts.isPropertyDeclaration(member) && member.initializer && ts.isObjectLiteralExpression(member.initializer)) return member.initializer;
  if (ts.isGetAccessorDeclaration(member)) {
    const ret = member.body?.statements.find(ts.isReturnStatement);
    if (ret?.expression && ts.isObjectLiteralExpression(ret.expression)) return ret.expression;
  }
  return undefined;
}

function isStateOption(ts, options) {
  return ts.isObjectLiteralExpression(options) && options.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

export function guManifestPlugins() {
  /** `${modulePath}#${className}` → Lit properties declared with `state: true` */
  const stateFields = new Map();
  /** event name → its type text (`CustomEvent<SubmittedDetail>`) */
  const eventTypes = new Map();
  /** module path → names the analyzer took for events from `new CustomEvent(variable)` */
  const dynamicEvents = new Map();

  return [
    {
      name: 'gu-define-calls-and-state',
      analyzePhase({ ts, node, moduleDoc }) {
        // define('gu-support-form', GuSupportForm)
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'define') {
          const [tag, klass] = node.arguments;
          if (tag && klass && ts.isStringLiteral(tag) && tag.text.includes('-') && ts.isIdentifier(klass)) {
            moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module: moduleDoc.path } }];
          }
        }
        if (ts.isClassDeclaration(node) && node.name) {
          for (const member of node.members) {
            const object = propertiesObject(ts, member);
            if (!object) continue;
            const state = object.properties.filter((p) => ts.isPropertyAssignment(p) && isStateOption(ts, p.initializer)).map((p) => p.name.getText());
            stateFields.set(`${moduleDoc.path}#${node.name.text}`, new Set(state));
          }
        }
        // The base element's `emit(name, detail)` builds `new CustomEvent(name, …)`: not an event
        // called "name". Real events are documented with @fires on the element that fires them.
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /^(Custom)?Event$/.test(node.expression.text)) {
          const [name] = node.arguments ?? [];
          if (name && !ts.isStringLiteralLike(name)) dynamicEvents.set(moduleDoc.path, new Set([...(dynamicEvents.get(moduleDoc.path) ?? []), name.getText()]));
        }
        // interface HTMLElementEventMap { 'gu-submitted': CustomEvent<SubmittedDetail>; }
        if (ts.isInterfaceDeclaration(node) && EVENT_MAPS.has(node.name.text)) {
          for (const member of node.members) {
            if (ts.isPropertySignature(member) && member.type) eventTypes.set(member.name.getText().replace(/^['"]|['"]$/g, ''), member.type.getText());
          }
        }
      },
      moduleLinkPhase({ moduleDoc }) {
        const dynamic = dynamicEvents.get(moduleDoc.path);
        for (const declaration of moduleDoc.declarations ?? []) {
          if (dynamic && declaration.events) declaration.events = declaration.events.filter((e) => !dynamic.has(e.name) || e.description);
          if (declaration.events?.length === 0) delete declaration.events;
          const state = stateFields.get(`${moduleDoc.path}#${declaration.name}`);
          if (!state?.size) continue;
          declaration.attributes = declaration.attributes?.filter((a) => !state.has(a.fieldName ?? a.name));
          for (const member of declaration.members ?? []) if (state.has(member.name)) member.privacy = 'private';
        }
      },
    },
    {
      name: 'gu-public-api-as-published',
      packageLinkPhase({ customElementsManifest: manifest }) {
        const moduleByPath = new Map(manifest.modules.map((m) => [m.path, m]));
        const resolve = (from, specifier) => posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
        /** Where a name exported by a module is declared, following re-exports. */
        const declarationOf = (path, name, seen = new Set()) => {
          const mod = moduleByPath.get(path);
          if (!mod || seen.has(path)) return undefined;
          seen.add(path);
          const own = mod.declarations?.find((d) => d.name === name);
          if (own) return { module: mod, declaration: own };
          const exported = mod.exports?.find((e) => e.kind === 'js' && e.name === name);
          const target = exported?.declaration?.module;
          if (!target || target === path) return undefined;
          return declarationOf(target.startsWith('.') ? resolve(path, target) : target, exported.declaration.name, seen);
        };

        // Each public element, under the most specific entry that exports it.
        const chosen = new Map();
        for (const entry of packageEntries()) {
          const mod = moduleByPath.get(entry.source);
          if (!mod) continue;
          const found = (mod.exports ?? []).filter((e) => e.kind === 'js').map((e) => declarationOf(entry.source, e.name)).filter((d) => d?.declaration.kind === 'class' && d.declaration.tagName);
          for (const { declaration } of found) {
            const previous = chosen.get(declaration.tagName);
            if (!previous || found.length < previous.count) chosen.set(declaration.tagName, { entry, declaration, count: found.length });
          }
        }

        const modules = [];
        for (const { entry, declaration } of [...chosen.values()].sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName))) {
          publicOnly(declaration, eventTypes);
          modules.push({
            kind: 'javascript-module',
            path: entry.js,
            declarations: [declaration],
            exports: [
              { kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: entry.js } },
              { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: entry.js } },
            ],
          });
        }
        manifest.modules = modules;
      },
    },
  ];
}

/** Leaves what a page may use: public instance members, their attributes, typed events. */
function publicOnly(declaration, eventTypes) {
  declaration.customElement = true;
  const hidden = (m) => m.privacy === 'private' || m.privacy === 'protected' || m.static || /^[_#]/.test(m.name);
  const removed = new Set((declaration.members ?? []).filter(hidden).map((m) => m.name));
  declaration.members = (declaration.members ?? []).filter((m) => !hidden(m)).map(withoutSourcePaths);
  declaration.attributes = (declaration.attributes ?? []).filter((a) => !a.fieldName || !removed.has(a.fieldName)).map(withoutSourcePaths);
  for (const kind of ['events', 'slots', 'cssParts', 'cssProperties']) {
    if (declaration[kind]) declaration[kind] = declaration[kind].map(withoutSourcePaths);
  }
  for (const event of declaration.events ?? []) {
    const type = eventTypes.get(event.name);
    if (type) event.type = { text: type };
  }
  const documented = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
  for (const token of designTokens()) {
    const own = documented.get(token.name);
    if (own) own.default ??= token.default;
    else documented.set(token.name, { name: token.name, default: token.default });
  }
  if (documented.size) declaration.cssProperties = [...documented.values()];
  if (declaration.superclass) declaration.superclass = { name: declaration.superclass.name, ...(declaration.superclass.package ? { package: declaration.superclass.package } : {}) };
  delete declaration.source;
}

/** `inheritedFrom` names the class only: its module is a source file the package does not ship. */
function withoutSourcePaths(item) {
  if (!item.inheritedFrom) return item;
  const { inheritedFrom, ...rest } = item;
  return { ...rest, inheritedFrom: { name: inheritedFrom.name } };
}
