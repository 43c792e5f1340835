import { html, nothing, type PropertyDeclarations } from 'lit';
import { fitsList, formatBytes, type AttachPolicy } from '../../core/attach/policy.js';
import type { PreparedFile } from '../../core/attach/compress.js';
import type { RedactArea } from '../../core/attach/redact.js';
import { buttons } from '../../theme/tokens.js';
import { lazy } from '../../core/lazy.js';
import { GuFormControl } from './form-control.js';
import { define } from '../../define.js';
import { fileDropStyles } from './gu-file-drop.styles.js';
import { attachStrings } from '../../core/i18n/catalogues/attach.js';

/** The attachment pipeline (sniffing, compression, redaction) arrives after the form is shown. */
export const loadPipeline = lazy(() => import('./attach-pipeline.js'));

export interface AttachmentItem {
  id: string;
  name: string;
  originalSize: number;
  /** The size it will be sent at: the limit for an image still being reduced, the real size once ready. */
  expectedSize: number;
  state: 'processing' | 'ready' | 'refused';
  progress: number;
  prepared?: PreparedFile;
  message?: string;
  thumbnail?: string;
  controller?: AbortController;
  /** Being reduced on the page's own thread (no Worker here): slower, and said so. */
  slow?: boolean;
}

let counter = 0;

/**
 * Files for a request: pick, drop or paste; each is checked by its real type, compressed to fit
 * in a Worker (with progress and cancel), stripped of metadata, and can be redacted. Refusals are
 * shown on the file with the reason and the limit. Internal: not public API.
 */
export class GuFileDrop extends GuFormControl {
  static override strings = [...GuFormControl.strings, attachStrings];
  static override styles = [
    ...GuFormControl.styles,
    buttons,
    fileDropStyles,
  ];

  static override properties: PropertyDeclarations = {
    items: { state: true },
    dragging: { state: true },
    announcement: { state: true },
    policy: { attribute: false },
  };

  /** Limits; the form passes the portal's. */
  policy?: AttachPolicy;
  items: AttachmentItem[] = [];
  private dragging = false;
  private announcement = '';

  protected get focusTarget(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('#control') ?? null;
  }

  /** Where the first focus is awaited: the form around this control (its shadow root) or the page. */
  private prewarmRoot?: Node;
  private prewarmed = false;

  /**
   * When the citizen starts on the form (first focus in it, or a file dragged over this control),
   * fetch the pipeline and start a compression worker, so the first photo does not wait for them
   * (and a file added later offline still has them). Visitors who only read the page load nothing.
   */
  private readonly prewarm = () => {
    this.stopWaitingForFocus();
    if (this.prewarmed) return;
    this.prewarmed = true;
    void loadPipeline().then(
      (p) => p.prewarmCompression(this.policy?.workerUrl),
      () => (this.prewarmed = false), // offline before the chunk came: try again next time
    );
  };

  private stopWaitingForFocus(): void {
    this.prewarmRoot?.removeEventListener('focusin', this.prewarm);
    this.prewarmRoot = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.prewarmed) return;
    this.prewarmRoot = this.getRootNode();
    this.prewarmRoot.addEventListener('focusin', this.prewarm);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWaitingForFocus();
  }

  /** The files ready to send, in order. */
  get prepared(): PreparedFile[] {
    return this.items.flatMap((item) => (item.state === 'ready' && item.prepared ? [item.prepared] : []));
  }

  /** Problems the form's error summary lists: refused files and files still being prepared. */
  get problems(): string[] {
    return this.items.flatMap((item) => (item.state === 'refused' ? [item.message!] : item.state === 'processing' ? [this.t('attach.wait', { name: item.name })] : []));
  }

  protected override check(): { message: string } {
    return { message: this.problems[0] ?? '' };
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.clear();
  }

  clear(): void {
    for (const item of this.items) this.release(item);
    this.items = [];
  }

  /** Puts back files kept in a draft or the outbox (already prepared). */
  restore(files: readonly PreparedFile[]): void {
    this.clear();
    this.items = files.map((prepared) => this.readyItem(prepared));
  }

  private readyItem(prepared: PreparedFile, id = `f${++counter}`): AttachmentItem {
    const item: AttachmentItem = { id, name: prepared.name, originalSize: prepared.originalSize, expectedSize: prepared.data.byteLength, state: 'ready', progress: 1, prepared };
    if (prepared.thumbnail) item.thumbnail = URL.createObjectURL(prepared.thumbnail);
    else if (prepared.type.startsWith('image/')) void this.thumbnailLater(id, prepared);
    return item;
  }

  /** A file put back from a draft has no thumbnail yet: a small one is made, never the full picture shown. */
  private async thumbnailLater(id: string, prepared: PreparedFile): Promise<void> {
    const thumbnail = await loadPipeline()
      .then((p) => p.makeThumbnail(new Blob([prepared.data], { type: prepared.type })))
      .catch(() => undefined);
    const item = this.items.find((i) => i.id === id && i.prepared === prepared);
    if (!thumbnail || !item || item.thumbnail) return;
    this.patch(id, { thumbnail: URL.createObjectURL(thumbnail) });
  }

  /** Gives back what a file held: its work stops, its thumbnail's URL is revoked, its bytes are left to be collected. */
  private release(item: AttachmentItem): void {
    item.controller?.abort();
    if (item.thumbnail) URL.revokeObjectURL(item.thumbnail);
  }

  private patch(id: string, change: Partial<AttachmentItem>): void {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...change } : item));
  }

  /** Adds files (picked, dropped or pasted): each is checked, then prepared in the background. */
  async add(files: Iterable<File>): Promise<void> {
    const { prepareFile } = await loadPipeline();
    for (const file of files) {
      const name = file.name || `${this.t('attach.pasted')}.png`;
      const named = file.name ? file : new File([file], name, { type: file.type });
      const id = `f${++counter}`;
      const kept = this.items.filter((i) => i.state !== 'refused');
      const expectedSize = this.sentSize(file);
      const fits = fitsList(name, expectedSize, kept.map((i) => ({ size: i.expectedSize })), this.policy, this.locale);
      if (!fits.ok) {
        this.items = [...this.items, { id, name, originalSize: file.size, expectedSize, state: 'refused', progress: 0, message: fits.message }];
        this.announcement = fits.message;
        continue;
      }
      const controller = new AbortController();
      this.items = [...this.items, { id, name, originalSize: file.size, expectedSize, state: 'processing', progress: 0, controller }];
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      const onMainThread = () => this.patch(id, { slow: true });
      prepareFile(named, this.policy, this.locale, { signal: controller.signal, onProgress: (progress) => this.patch(id, { progress }), onMainThread }).then(
        (result) => {
          if (!this.items.some((i) => i.id === id)) return; // removed meanwhile
          if (!result.ok) {
            this.patch(id, { state: 'refused', message: result.message, controller: undefined });
            this.announcement = result.message;
          } else {
            const ready = this.readyItem(result.value, id);
            this.items = this.items.map((i) => (i.id === id ? ready : i));
            this.announcement = this.t('attach.added', { name: result.value.name, size: formatBytes(result.value.data.byteLength, this.locale) });
          }
          this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        },
        () => undefined, // cancelled: the item is already gone
      );
    }
  }

  /**
   * What a file will weigh when sent, for the total limit: a picture is reduced to the image limit
   * (so five 13 MB photos chosen at once all fit), anything else goes as it is.
   */
  private sentSize(file: File): number {
    const image = file.type.startsWith('image/') || /\.(?:jpe?g|png|webp|hei[cf])$/i.test(file.name);
    return image ? Math.min(file.size, this.policy?.imageBytes ?? file.size) : file.size;
  }

  private removeItem(item: AttachmentItem): void {
    this.release(item);
    this.items = this.items.filter((i) => i !== item);
    this.announcement = this.t('attach.removed', { name: item.name });
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.focus();
  }

  private async redact(item: AttachmentItem): Promise<void> {
    const { openRedactor, redactImage, prepareFile } = await loadPipeline();
    const prepared = item.prepared!;
    const areas: RedactArea[] | null = await openRedactor(this.renderRoot as ShadowRoot, prepared, this.locale);
    if (!areas?.length) return;
    const data = await redactImage(prepared.data, prepared.type, areas);
    // Redrawn PNGs can grow: bring the result back under the limit if needed.
    const result = await prepareFile(new File([data], prepared.name, { type: prepared.type }), this.policy, this.locale);
    if (!result.ok) return this.patch(item.id, { state: 'refused', message: result.message });
    const ready = this.readyItem({ ...result.value, originalSize: prepared.originalSize }, item.id);
    this.release(item);
    this.items = this.items.map((i) => (i.id === item.id ? ready : i));
    this.announcement = this.t('redact.done', { name: prepared.name, areas: this.t('redact.areas', { n: areas.length }) });
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging = false;
    if (e.dataTransfer?.files.length) void this.add(e.dataTransfer.files);
  }

  protected override render() {
    return html`<div class="control">
      <span class="label">${this.label} <span class="optional">${this.t('field.optional')}</span></span>
      ${this.renderHintAndError()}
      <div
        class="zone ${this.dragging ? 'over' : ''}"
        @dragenter=${this.prewarm}
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.dragging = true;
        }}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <input
          id="control"
          type="file"
          multiple
          aria-label=${`${this.t('attach.choose')}: ${this.label}`}
          accept=".pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,application/pdf,image/*"
          aria-describedby=${this.describedBy() || nothing}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            if (input.files) void this.add([...input.files]);
            input.value = '';
          }}
        />
        <label for="control" class="button secondary">${this.t('attach.choose')}</label>
        <span>${this.t('attach.drop')}</span>
        ${this.items.length ? html`<ul>${this.items.map((item) => this.renderItem(item))}</ul>` : nothing}
      </div>
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }

  private renderItem(item: AttachmentItem) {
    const size = item.prepared ? item.prepared.data.byteLength : item.originalSize;
    const kb = (n: number) => formatBytes(n, this.locale);
    return html`<li>
      ${item.thumbnail ? html`<img class="thumb" src=${item.thumbnail} alt="" decoding="async" />` : html`<span class="thumb" aria-hidden="true"></span>`}
      <div>
        <div class="name">${item.name}</div>
        ${item.state === 'refused'
          ? html`<div class="refused">${item.message}</div>`
          : html`<div>${item.prepared && item.prepared.data.byteLength !== item.originalSize ? this.t('attach.sizes', { before: kb(item.originalSize), after: kb(size) }) : kb(size)}</div>`}
        ${item.state === 'processing' ? html`<progress max="1" .value=${item.progress} aria-label=${this.t('attach.compressing')}></progress>` : nothing}
        ${item.state === 'processing' && item.slow ? html`<div class="hint">${this.t('attach.slow')}</div>` : nothing}
        <div class="actions">
          <button type="button" class="link-button" @click=${() => this.removeItem(item)}>${this.t(item.state === 'processing' ? 'attach.cancel' : 'attach.remove')}<span class="visually-hidden"> ${item.name}</span></button>
          ${item.state === 'ready' && item.prepared?.type.startsWith('image/')
            ? html`<button type="button" class="link-button" @click=${() => void this.redact(item)}>${this.t('attach.redact')}<span class="visually-hidden"> ${item.name}</span></button>`
            : nothing}
        </div>
      </div>
    </li>`;
  }
}

define('gu-file-drop', GuFileDrop);

declare global {
  interface HTMLElementTagNameMap {
    'gu-file-drop': GuFileDrop;
  }
}
