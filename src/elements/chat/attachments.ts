import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULT_POLICY } from '../../core/attach/limits.js';
import { lazy } from '../../core/lazy.js';
import type { StoredFile } from '../../core/outbox/index.js';
import type { GuChat } from './gu-chat.js';

/** The attachment pipeline (sniffing, limits, compression in a Worker), loaded when a file is picked. */
const loadPipeline = lazy(() => import('../internal/attach-pipeline.js'));

/** Files for the next message: picked with the system's picker, prepared by the attachment pipeline. */
export class ChatFiles {
  picked: StoredFile[] = [];

  constructor(private readonly host: GuChat) {}

  /** «Прикрепить файл». */
  open(): void {
    this.host.renderRoot.querySelector<HTMLInputElement>('#file')?.click();
  }

  clear(): void {
    this.picked = [];
  }

  /** Each file checked (type by its bytes, limits) and images compressed without EXIF; refusals said in the composer. */
  private async add(input: HTMLInputElement): Promise<void> {
    const { host } = this;
    const { prepareFile } = await loadPipeline();
    const problems: string[] = [];
    for (const file of [...(input.files ?? [])]) {
      const prepared = await prepareFile(file, host.attachPolicy ?? { ...DEFAULT_POLICY, maxFiles: 5 }, host.locale);
      if (prepared.ok) this.picked = [...this.picked, { name: prepared.value.name, type: prepared.value.type, data: prepared.value.data }];
      else problems.push(prepared.message);
    }
    input.value = '';
    host.inputError = problems.join(' ');
    host.requestUpdate();
  }

  private remove(index: number): void {
    this.picked = this.picked.filter((_f, i) => i !== index);
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<input id="file" type="file" hidden multiple accept=".pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,application/pdf,image/*" @change=${(e: Event) => void this.add(e.target as HTMLInputElement)} />
      ${this.picked.length
        ? html`<ul class="picked" part="files">
            ${this.picked.map((f, i) => html`<li>${f.name} <button type="button" class="link" @click=${() => this.remove(i)}>${this.host.t('chat.removeFile', { name: f.name })}</button></li>`)}
          </ul>`
        : nothing}`;
  }
}
