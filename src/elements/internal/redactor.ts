import { html, render } from 'lit';
import type { PreparedFile } from '../../core/attach/compress.js';
import type { RedactArea } from '../../core/attach/redact.js';
import { attachStrings } from '../../core/i18n/catalogues/attach.js';

const MAX_VIEW = 720;
/** Keyboard steps, in image pixels per press. */
const STEP = 0.02;

/**
 * A modal editor for hiding personal data on an image: draw rectangles with a pointer, or add and
 * move them with the keyboard. Resolves with the areas in image pixels, or null when cancelled.
 * Rendered into the caller's shadow root, styled by it (.redactor classes).
 */
export function openRedactor(root: ShadowRoot, file: PreparedFile, lang: string): Promise<RedactArea[] | null> {
  const t = (key: Parameters<typeof attachStrings.t>[1], params?: Parameters<typeof attachStrings.t>[2]) => attachStrings.t(lang, key, params);
  const host = document.createElement('div');
  root.append(host);
  return new Promise((resolve) => {
    const areas: RedactArea[] = [];
    let selected = -1;
    let mode: RedactArea['mode'] = 'black';
    let image: ImageBitmap | undefined;
    let drag: { x: number; y: number } | null = null;
    const url = URL.createObjectURL(new Blob([file.data], { type: file.type }));

    const finish = (result: RedactArea[] | null) => {
      dialog().close();
      image?.close();
      URL.revokeObjectURL(url);
      host.remove();
      resolve(result);
    };
    const dialog = () => host.querySelector('dialog')!;
    const canvas = () => host.querySelector('canvas')!;

    function draw(): void {
      if (!image) return;
      const c = canvas();
      const ctx = c.getContext('2d')!;
      ctx.drawImage(image, 0, 0, c.width, c.height);
      const k = c.width / image.width;
      areas.forEach((a, i) => {
        ctx.fillStyle = a.mode === 'black' ? 'rgba(0,0,0,0.85)' : 'rgba(120,120,120,0.7)';
        ctx.fillRect(a.x * k, a.y * k, a.width * k, a.height * k);
        ctx.strokeStyle = i === selected ? '#ffbf1f' : '#fff';
        ctx.lineWidth = i === selected ? 3 : 1;
        ctx.strokeRect(a.x * k, a.y * k, a.width * k, a.height * k);
      });
      c.setAttribute('aria-label', `${t('redact.title', { name: file.name })}: ${t('redact.areas', { n: areas.length })}`);
      host.querySelector('[role=status]')!.textContent = t('redact.areas', { n: areas.length });
    }

    function toImage(e: PointerEvent): { x: number; y: number } {
      const rect = canvas().getBoundingClientRect();
      return { x: ((e.clientX - rect.left) / rect.width) * image!.width, y: ((e.clientY - rect.top) / rect.height) * image!.height };
    }

    function onKey(e: KeyboardEvent): void {
      const area = areas[selected];
      if (!area || !image) return;
      const step = Math.max(1, Math.round(Math.max(image.width, image.height) * STEP));
      const dx = e.key === 'ArrowRight' ? step : e.key === 'ArrowLeft' ? -step : 0;
      const dy = e.key === 'ArrowDown' ? step : e.key === 'ArrowUp' ? -step : 0;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        areas.splice(selected, 1);
        selected = areas.length - 1;
      } else if (e.key === 'Tab' || (!dx && !dy)) {
        return;
      } else if (e.shiftKey) {
        area.width = Math.max(step, area.width + dx);
        area.height = Math.max(step, area.height + dy);
      } else {
        area.x = Math.min(Math.max(0, area.x + dx), image.width - area.width);
        area.y = Math.min(Math.max(0, area.y + dy), image.height - area.height);
      }
      e.preventDefault();
      draw();
    }

    render(
      html`<dialog class="redactor" aria-labelledby="redactor-title" @cancel=${(e: Event) => (e.preventDefault(), finish(null))}>
        <h2 id="redactor-title">${t('redact.title', { name: file.name })}</h2>
        <p>${t('redact.help')}</p>
        <fieldset class="redactor-modes">
          <legend>${t('redact.mode')}</legend>
          <label><input type="radio" name="mode" checked @change=${() => (mode = 'black')} /> ${t('redact.black')}</label>
          <label><input type="radio" name="mode" @change=${() => (mode = 'blur')} /> ${t('redact.blur')}</label>
        </fieldset>
        <canvas
          tabindex="0"
          role="img"
          @keydown=${onKey}
          @pointerdown=${(e: PointerEvent) => {
            if (!image) return;
            drag = toImage(e);
            canvas().setPointerCapture(e.pointerId);
          }}
          @pointerup=${(e: PointerEvent) => {
            if (!drag || !image) return;
            const end = toImage(e);
            const area = { x: Math.min(drag.x, end.x), y: Math.min(drag.y, end.y), width: Math.abs(end.x - drag.x), height: Math.abs(end.y - drag.y), mode };
            drag = null;
            if (area.width > 4 && area.height > 4) {
              areas.push(area);
              selected = areas.length - 1;
              draw();
            }
          }}
        ></canvas>
        <p role="status" class="visually-hidden"></p>
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            @click=${() => {
              if (!image) return;
              const w = image.width / 4;
              const h = image.height / 8;
              areas.push({ x: (image.width - w) / 2, y: (image.height - h) / 2, width: w, height: h, mode });
              selected = areas.length - 1;
              draw();
              canvas().focus();
            }}
          >
            ${t('redact.add')}
          </button>
          <button type="button" class="button" @click=${() => finish(areas.map((a) => ({ ...a })))}>${t('redact.apply')}</button>
          <button type="button" class="button secondary" @click=${() => finish(null)}>${t('redact.cancel')}</button>
        </div>
      </dialog>`,
      host,
    );
    dialog().showModal();
    void createImageBitmap(new Blob([file.data], { type: file.type })).then((bitmap) => {
      image = bitmap;
      const scale = Math.min(1, MAX_VIEW / Math.max(bitmap.width, bitmap.height));
      Object.assign(canvas(), { width: Math.round(bitmap.width * scale), height: Math.round(bitmap.height * scale) });
      draw();
    });
  });
}
