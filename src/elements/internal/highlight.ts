import { html, type TemplateResult } from 'lit';
import type { Highlighted } from '../../core/search/snippet.js';

/** Text with its matched words in `<mark>`, from offsets (text bindings: nothing is parsed as HTML). */
export function marked({ text, highlights }: Highlighted): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at) continue;
    out.push(text.slice(at, start), html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  out.push(text.slice(at));
  return out;
}
