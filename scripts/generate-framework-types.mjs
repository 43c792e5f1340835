// `node scripts/generate-framework-types.mjs`: typings of every element in custom-elements.json
// for the frameworks that type-check templates, written to dist/types/frameworks/:
// - react.d.ts: React 19 `JSX.IntrinsicElements` (attributes, properties, `on<event>` handlers);
// - vue.d.ts: Vue 3 `GlobalComponents` (props, events for `@gu-…` listeners).
// Generated from the manifest (itself checked against the sources), so they cannot drift: names
// come from the manifest, types from the element classes (`GuSupportForm['snils']`) and event
// types from `HTMLElementEventMap`. Generic: a new element in the manifest needs nothing here.
// Run after `tsc -p tsconfig.build.json` and `npm run manifest` (the build does).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { posix, relative } from 'node:path';
import { packageEntries } from './manifest-plugins.mjs';

const OUT = 'dist/types/frameworks';
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const entries = packageEntries();

const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((declaration) => {
      const entry = entries.find((e) => e.js === module.path);
      if (!entry) throw new Error(`${declaration.tagName}: no package.json export serves ${module.path}`);
      const members = declaration.members ?? [];
      const properties = members.filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public');
      return {
        tag: declaration.tagName,
        className: declaration.name,
        summary: declaration.summary ?? '',
        importPath: `./${posix.relative(OUT, entry.types.replace(/\.d\.ts$/, '.js'))}`.replace(/^\.\/\.\.\//, '../'),
        properties,
        attributes: (declaration.attributes ?? []).filter((a) => !properties.some((p) => p.name === a.name)),
        events: declaration.events ?? [],
      };
    }),
);

const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n+/g, ' ').trim()} */\n` : '');
const header = (framework, use) => `// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit.
// ${framework} typings of the GU Support Kit elements. ${use}
`;
const imports = elements.map((e) => `import type { ${e.className} } from '${e.importPath}';`).join('\n');
const attributeValue = `
/** An attribute's value as written in a template: text for strings, numbers and flags. */
type AttributeValue<T> = [T] extends [boolean | undefined] ? boolean | '' : [T] extends [number | undefined] ? number | \`\${number}\` : T;`;
const guEvent = `
/** The event a \`gu-*\` name dispatches, as HTMLElementEventMap types it. */
type GuEvent<K extends string> = K extends keyof HTMLElementEventMap ? HTMLElementEventMap[K] : CustomEvent<unknown>;`;

function propertyLines(e, indent, { attributes, wrap = '' }) {
  const lines = [];
  for (const p of e.properties) lines.push(`${doc(p.description, indent)}${indent}${quote(p.name)}?: ${wrap ? `${wrap}<${e.className}[${JSON.stringify(p.name)}]>` : `${e.className}[${JSON.stringify(p.name)}]`};`);
  if (attributes) {
    for (const a of e.attributes) {
      const type = a.fieldName ? `AttributeValue<${e.className}[${JSON.stringify(a.fieldName)}]>` : 'string';
      lines.push(`${doc(a.description ?? (a.fieldName ? `Attribute of \`${a.fieldName}\`.` : ''), indent)}${indent}${quote(a.name)}?: ${type};`);
    }
  }
  return lines.join('\n');
}

// React 19 sets a prop as a property when the element has it (`userPhone`), otherwise as an
// attribute (`user-phone`), and listens to `on<event>` props (`ongu-submitted`).
const react = `${header('React 19 JSX', 'Use: add "gu-support-kit/react" to compilerOptions.types in tsconfig.json.')}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports}
${attributeValue}${guEvent}
type ReactElementProps<E, Own> = Own & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own>;
${elements
  .map(
    (e) => `
${doc(`\`<${e.tag}>\` in JSX. ${e.summary}`, '')}export interface ${e.className}JsxProps {
${propertyLines(e, '  ', { attributes: true })}
${e.events.map((ev) => `${doc(ev.description, '  ')}  ${quote(`on${ev.name}`)}?: (event: GuEvent<'${ev.name}'>) => void;`).join('\n')}
}
`,
  )
  .join('')}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      '${e.tag}': ReactElementProps<${e.className}, ${e.className}JsxProps>;`).join('\n')}
    }
  }
}
`;

// Vue reads a component's props from \`$props\` and its events from \`$emit\`; templates may write
// props in kebab-case (\`:user-phone\`), which Vue matches to the camelCase property.
const vue = `${header('Vue 3', 'Use: add "gu-support-kit/vue" to compilerOptions.types in tsconfig.json, and tell the\n// compiler that gu- tags are custom elements (compilerOptions.isCustomElement).')}import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports}
${guEvent}
/** A number prop may also be written as a static attribute (\`description-max="500"\`). */
type VueProp<T> = [T] extends [number | undefined] ? T | \`\${number}\` : T;
/** A custom element as Vue's template type checker sees a component. */
type VueElement<E extends HTMLElement, Props, Events extends object> = new () => E & {
  /** @deprecated For template type checking only: not a property of the element. */
  $props: Props & Omit<HTMLAttributes, keyof Props> & PublicProps;
  /** @deprecated For template type checking only: not a method of the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};
${elements
  .map(
    (e) => `
${doc(`Props of \`<${e.tag}>\` in Vue templates. ${e.summary}`, '')}export interface ${e.className}VueProps {
${propertyLines(e, '  ', { attributes: false, wrap: 'VueProp' })}
}
${doc(`Events of \`<${e.tag}>\` (\`@${e.events[0]?.name ?? 'event'}="…"\`).`, '')}export interface ${e.className}VueEvents {
${e.events.map((ev) => `${doc(ev.description, '  ')}  '${ev.name}': GuEvent<'${ev.name}'>;`).join('\n')}
}
`,
  )
  .join('')}
declare module 'vue' {
  interface GlobalComponents {
${elements.map((e) => `    '${e.tag}': VueElement<${e.className}, ${e.className}VueProps, ${e.className}VueEvents>;`).join('\n')}
  }
}
`;

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/react.d.ts`, react);
writeFileSync(`${OUT}/vue.d.ts`, vue);
console.log(`Typings for ${elements.map((e) => `<${e.tag}>`).join(', ')}: ${[`${OUT}/react.d.ts`, `${OUT}/vue.d.ts`].map((f) => relative('.', f)).join(', ')}`);
