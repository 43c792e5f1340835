// `node scripts/check-elements-api.mjs`: custom-elements.json must describe exactly the public API
// the sources declare, for every element a package.json export reaches:
// - its tag name (from `define('gu-…', Class)` / `customElements.define`), `customElement: true`,
//   and a path that is a JavaScript file of the package;
// - attributes and properties: every Lit property declared in `static properties` (the element's
//   and its base classes') without `state: true`, with its attribute name; nothing private,
//   protected or `state`;
// - events, slots, parts, CSS properties: exactly the JSDoc @fires, @slot, @csspart, @cssprop tags;
//   each event typed in HTMLElementEventMap with a detail, each part used in a template, each CSS
//   property a `--gu-*` token the styles read;
// - every named type of a public property or event detail exported from the package's main entry
//   (and, reported, from the element's own entry).
// Generic: nothing here names an element. Needs `npm run manifest` (or the build) first.
import ts from 'typescript';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { designTokens, packageEntries } from './manifest-plugins.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const entries = packageEntries(pkg).filter((e) => existsSync(e.source));
if (!existsSync('custom-elements.json')) {
  console.error('custom-elements.json is missing: run `npm run manifest` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const problems = [];
const problem = (element, text) => problems.push(`${element}: ${text}`);

const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram(entries.map((e) => e.source), { ...config.options, noEmit: true });
const checker = program.getTypeChecker();
const srcRoot = join(process.cwd(), 'src') + sep;
const isOwn = (file) => file.fileName.startsWith(srcRoot) || file.fileName.startsWith('src/');

const all = (node, visit) => {
  visit(node);
  ts.forEachChild(node, (child) => all(child, visit));
};
const alias = (symbol) => (symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
const textOf = (comment) => (typeof comment === 'string' ? comment : (comment ?? []).map((c) => c.text).join(''));

// Tag names: define('gu-x', GuX) or customElements.define('gu-x', GuX), anywhere in src.
const tags = new Map();
for (const file of program.getSourceFiles().filter(isOwn)) {
  all(file, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    const named = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    const [tag, klass] = node.arguments;
    if (named !== 'define' || !tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
    const symbol = alias(checker.getSymbolAtLocation(klass));
    if (symbol) tags.set(symbol, tag.text);
  });
}

/** The class and its bases declared in this package, the element first. */
function chain(declaration) {
  const out = [];
  for (let current = declaration; current; ) {
    out.push(current);
    const base = current.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    const symbol = base && alias(checker.getSymbolAtLocation(base.expression));
    const next = symbol?.declarations?.find(ts.isClassDeclaration);
    current = next && isOwn(next.getSourceFile()) ? next : undefined;
  }
  return out;
}

function propertiesObject(member) {
  if (member.name?.getText() !== 'properties' || !(ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static)) return undefined;
  if (ts.isPropertyDeclaration(member) && member.initializer && ts.isObjectLiteralExpression(member.initializer)) return member.initializer;
  if (ts.isGetAccessorDeclaration(member)) {
    const ret = member.body?.statements.find(ts.isReturnStatement);
    return ret?.expression && ts.isObjectLiteralExpression(ret.expression) ? ret.expression : undefined;
  }
  return undefined;
}

function option(object, name) {
  return ts.isObjectLiteralExpression(object) ? object.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer : undefined;
}

/** What the sources say an element's public API is. */
function expectedApi(declaration) {
  const api = { properties: new Map(), state: new Set(), hidden: new Set(), extraAttributes: new Set(), fires: new Set(), slots: new Set(), parts: new Set(), cssProperties: new Set() };
  for (const klass of chain(declaration).reverse()) {
    for (const tag of ts.getJSDocTags(klass)) {
      const name = textOf(tag.comment).trim().split(/\s+/)[0] ?? '';
      const kind = tag.tagName.text;
      if (kind === 'fires' || kind === 'event') api.fires.add(name);
      else if (kind === 'slot') api.slots.add(name === '-' ? '' : name);
      else if (kind === 'csspart' || kind === 'part') api.parts.add(name);
      else if (kind === 'cssprop' || kind === 'cssproperty') api.cssProperties.add(name);
    }
    for (const member of klass.members) {
      const flags = ts.getCombinedModifierFlags(member);
      if (member.name && (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || ts.isPrivateIdentifier(member.name))) api.hidden.add(member.name.getText());
      const object = propertiesObject(member);
      for (const property of object?.properties ?? []) {
        if (!ts.isPropertyAssignment(property)) continue;
        const name = property.name.getText();
        if (option(property.initializer, 'state')?.kind === ts.SyntaxKind.TrueKeyword) {
          api.state.add(name);
          api.properties.delete(name);
          continue;
        }
        const attribute = option(property.initializer, 'attribute');
        api.properties.set(name, attribute?.kind === ts.SyntaxKind.FalseKeyword ? null : attribute && ts.isStringLiteral(attribute) ? attribute.text : name.toLowerCase());
      }
      // static get observedAttributes() { return [...super.observedAttributes, 'lang']; }
      if (ts.isGetAccessorDeclaration(member) && member.name.getText() === 'observedAttributes') {
        all(member, (node) => ts.isStringLiteral(node) && api.extraAttributes.add(node.text));
      }
    }
  }
  return api;
}

const sameSet = (element, what, actual, expected) => {
  const missing = [...expected].filter((x) => !actual.has(x));
  const extra = [...actual].filter((x) => !expected.has(x));
  if (missing.length) problem(element, `${what} missing from the manifest: ${missing.join(', ')}`);
  if (extra.length) problem(element, `${what} in the manifest but not in the sources: ${extra.join(', ')}`);
};

// Template and style text of the sources, for parts and CSS properties.
const sourceText = (function read(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return read(path);
    return path.endsWith('.ts') && !path.endsWith('.stories.ts') ? [readFileSync(path, 'utf8')] : [];
  });
})('src').join('\n');

/** Named types of this package that a type is made of (unions, arrays, generics), first level. */
function namedTypes(type, out = new Set(), depth = 0) {
  if (depth > 3) return out;
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (declaration && isOwn(declaration.getSourceFile()) && (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration) || ts.isEnumDeclaration(declaration))) {
    out.add(symbol);
    return out;
  }
  if (type.isUnion() || type.isIntersection()) type.types.forEach((t) => namedTypes(t, out, depth + 1));
  for (const argument of checker.getTypeArguments?.(type) ?? []) namedTypes(argument, out, depth + 1);
  for (const argument of type.aliasTypeArguments ?? []) namedTypes(argument, out, depth + 1);
  return out;
}

function exportedNames(source) {
  const file = program.getSourceFile(source);
  const symbol = file && checker.getSymbolAtLocation(file);
  return new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => alias(s)) : []);
}

const rootEntry = entries.find((e) => e.subpath === '.');
const rootExports = rootEntry ? exportedNames(rootEntry.source) : new Set();
/** The global HTMLElementEventMap (our `declare global` entries merged into the DOM's). */
const globalEventMap = (() => {
  const symbol = checker.resolveName('HTMLElementEventMap', undefined, ts.SymbolFlags.Type, false);
  return symbol ? checker.getDeclaredTypeOfSymbol(symbol) : undefined;
})();

const seen = new Set();
for (const entry of entries) {
  const file = program.getSourceFile(entry.source);
  const moduleSymbol = file && checker.getSymbolAtLocation(file);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = alias(exported);
    const tag = tags.get(symbol);
    const declaration = symbol?.declarations?.find(ts.isClassDeclaration);
    if (!tag || !declaration || seen.has(tag)) continue;
    seen.add(tag);
    const element = `<${tag}>`;
    const found = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ module: m, declaration: d }))).find((d) => d.declaration.tagName === tag);
    if (!found) {
      problem(element, 'not in custom-elements.json (no tagName)');
      continue;
    }
    const { module, declaration: doc } = found;
    if (doc.customElement !== true) problem(element, '`customElement: true` is missing');
    if (doc.name !== symbol.name) problem(element, `class ${doc.name} in the manifest, ${symbol.name} in the sources`);
    const published = new Set(Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t))).map((p) => p.replace(/^\.\//, '')));
    if (!published.has(module.path) || !module.path.endsWith('.js')) problem(element, `module path ${module.path} is not a JavaScript file the package exports`);
    if (!module.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) problem(element, 'no custom-element-definition export');

    const api = expectedApi(declaration);
    // Attributes.
    const attributes = new Map((doc.attributes ?? []).map((a) => [a.name, a.fieldName]));
    const expectedAttributes = new Map([...api.properties].filter(([, a]) => a).map(([p, a]) => [a, p]));
    for (const extra of api.extraAttributes) if (!expectedAttributes.has(extra)) expectedAttributes.set(extra, undefined);
    sameSet(element, 'attributes', new Set(attributes.keys()), new Set(expectedAttributes.keys()));
    for (const [name, field] of expectedAttributes) if (field && attributes.has(name) && attributes.get(name) !== field) problem(element, `attribute ${name} maps to ${attributes.get(name)}, the source says ${field}`);
    // Properties.
    const fields = new Map((doc.members ?? []).filter((m) => m.kind === 'field').map((m) => [m.name, m]));
    for (const [name] of api.properties) if (!fields.has(name)) problem(element, `property ${name} missing from the manifest`);
    for (const member of doc.members ?? []) {
      if (api.state.has(member.name)) problem(element, `state field ${member.name} listed as public`);
      if (api.hidden.has(member.name) || member.privacy === 'private' || member.privacy === 'protected') problem(element, `private or protected member ${member.name} listed`);
      if (member.static) problem(element, `static member ${member.name} listed`);
    }
    // Events, slots, parts, CSS properties.
    sameSet(element, 'events', new Set((doc.events ?? []).map((e) => e.name)), api.fires);
    sameSet(element, 'slots', new Set((doc.slots ?? []).map((s) => s.name)), api.slots);
    sameSet(element, 'CSS parts', new Set((doc.cssParts ?? []).map((p) => p.name)), api.parts);
    // CSS properties: the @cssprop tags, plus the shared tokens (checked against the real styles
    // of each element in test/embedding/manifest.test.ts).
    const tokens = new Set(designTokens().map((t) => t.name));
    sameSet(element, 'CSS properties', new Set((doc.cssProperties ?? []).map((p) => p.name).filter((p) => api.cssProperties.has(p) || !tokens.has(p))), api.cssProperties);
    for (const part of api.parts) if (!new RegExp(`part=["']([^"']*\\s)?${part}(\\s[^"']*)?["']`).test(sourceText)) problem(element, `part ${part} is documented but no template has part="${part}"`);
    for (const prop of api.cssProperties) {
      if (!prop.startsWith('--gu-')) problem(element, `CSS property ${prop} is not a public --gu-* token`);
      else if (!sourceText.includes(`var(${prop},`) && !sourceText.includes(`var(${prop})`)) problem(element, `CSS property ${prop} is documented but no style reads it`);
    }

    // Types a page names: detail types of events, types of public properties.
    const classType = checker.getDeclaredTypeOfSymbol(symbol);
    const needed = new Map();
    for (const event of api.fires) {
      const property = globalEventMap && checker.getPropertyOfType(globalEventMap, event);
      if (!property) {
        problem(element, `event ${event} has no HTMLElementEventMap entry (its listeners would be untyped)`);
        continue;
      }
      const type = checker.getTypeOfSymbol(property);
      const detail = checker.getPropertyOfType(type, 'detail');
      const detailType = detail && checker.getTypeOfSymbol(detail);
      if (!detailType || detailType.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) problem(element, `event ${event} is not a CustomEvent with a typed detail`);
      else for (const named of namedTypes(detailType)) needed.set(named, `detail of ${event}`);
    }
    for (const [name] of api.properties) {
      const property = checker.getPropertyOfType(classType, name);
      if (!property) {
        problem(element, `declared property ${name} has no class field`);
        continue;
      }
      for (const named of namedTypes(checker.getTypeOfSymbol(property))) needed.set(named, `type of ${name}`);
    }
    const elementExports = exportedNames(entries.find((e) => e.js === module.path)?.source ?? '');
    for (const [named, why] of needed) {
      if (!rootExports.has(named)) problem(element, `type ${named.name} (${why}) is not exported from the package's main entry`);
      if (!elementExports.has(named)) problem(element, `type ${named.name} (${why}) is not exported from ${entries.find((e) => e.js === module.path)?.subpath}`);
    }
  }
}

for (const doc of manifest.modules.flatMap((m) => m.declarations ?? [])) {
  if (doc.tagName && !seen.has(doc.tagName)) problem(`<${doc.tagName}>`, 'in the manifest but not exported by the package');
}

const relativeNote = relative(process.cwd(), 'custom-elements.json');
if (problems.length) {
  console.error(`${relativeNote} does not match the sources:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`${relativeNote}: ${seen.size} public elements; attributes, properties, events, slots, parts and CSS properties match the sources.`);
