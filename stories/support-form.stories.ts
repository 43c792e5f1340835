import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { MemoryAdapter } from '../src/core/adapter/memory.js';
import { AdapterError } from '../src/core/adapter/errors.js';
import '../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../src/elements/support-form/gu-support-form.js';

const meta: Meta = {
  title: 'Элементы/gu-support-form',
  component: 'gu-support-form',
  args: { snils: 'optional', inn: 'hidden', email: 'optional', 'description-max': 2000 },
  render: (args) =>
    html`<gu-support-form
      .adapter=${new MemoryAdapter({ latencyMs: 600 })}
      snils=${args.snils}
      inn=${args.inn}
      email=${args.email}
      description-max=${args['description-max']}
      consent-url="#consent"
      policy-url="#policy"
    ></gu-support-form>`,
};
export default meta;
type Story = StoryObj;

function form(canvas: HTMLElement): GuSupportForm {
  return canvas.querySelector('gu-support-form')!;
}

async function submit(el: GuSupportForm): Promise<void> {
  await el.updateComplete;
  el.shadowRoot!.querySelector('form')!.requestSubmit();
  await el.updateComplete;
}

async function consent(el: GuSupportForm): Promise<void> {
  await el.updateComplete;
  const box = el.shadowRoot!.querySelector('gu-checkbox-field')!;
  await box.updateComplete;
  box.shadowRoot!.querySelector<HTMLInputElement>('input')!.click();
}

export const Empty: Story = {};

export const Prefilled: Story = {
  render: () =>
    html`<gu-support-form
      .adapter=${new MemoryAdapter()}
      user-name="Иванов Иван Иванович"
      user-phone="+7 912 345-67-89"
      user-email="ivanov@mail.ru"
      consent-url="#consent"
    ></gu-support-form>`,
};

export const WithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    el.prefill({ 'contact.phone': '8 912 345', 'contact.snils': '112-233-445 96', 'contact.email': 'ivanov@mail.ry' });
    await submit(el);
  },
};

export const Submitted: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    el.prefill({ topic: 'login', title: 'Ошибка 401 при входе', description: 'После ввода пароля появляется ошибка 401, вход не выполняется.', 'contact.phone': '+7 912 345-67-89' });
    await consent(el);
    await submit(el);
  },
};

export const RepeatRequest: Story = {
  render: () => html`<gu-support-form .adapter=${new MemoryAdapter()} previous-number="2026-0001-2309"></gu-support-form>`,
};

export const English: Story = {
  render: () => html`<div lang="en"><gu-support-form .adapter=${new MemoryAdapter()} inn="optional"></gu-support-form></div>`,
};

export const LowVision: Story = {
  render: () => html`<gu-support-form .adapter=${new MemoryAdapter()} theme="low-vision"></gu-support-form>`,
};

export const SecretDataInText: Story = {
  play: async ({ canvasElement }) => {
    form(canvasElement).prefill({ title: 'Не проходит оплата', description: 'Карта 4276 3800 1234 5679, CVC 123, пароль: Qwerty123. Оплата не проходит.' });
  },
};

/** A request written without a connection: it waits in the browser, visible and cancelable. */
export const QueuedOffline: Story = {
  render: () => {
    const adapter = new MemoryAdapter();
    // Every send fails as if offline, so the request stays queued.
    adapter.createTicket = () => Promise.reject(new AdapterError('offline', 'offline'));
    return html`<gu-support-form .adapter=${adapter} draft-key="story-queued"></gu-support-form>`;
  },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    el.prefill({ topic: 'technical', title: 'Страница оплаты не открывается', description: 'Нажимаю «Оплатить», страница белая уже 10 минут.', 'contact.phone': '+7 912 345-67-89' });
    await consent(el);
    await submit(el);
  },
};

/** Attachments: pick, drop or paste; big photos are reduced, refused files say why. */
export const WithAttachments: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    const drop = el.shadowRoot!.querySelector('gu-file-drop')!;
    const canvas = Object.assign(document.createElement('canvas'), { width: 800, height: 500 });
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#f1f4f8';
    ctx.fillRect(0, 0, 800, 500);
    ctx.fillStyle = '#0b1f33';
    ctx.font = '16px sans-serif';
    ctx.fillText('Ошибка 401: сеанс истёк', 40, 60);
    const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    await drop.add([new File([png], 'ошибка.png', { type: 'image/png' }), new File([new Uint8Array([0x4d, 0x5a, 0, 0])], 'скан.jpg', { type: 'image/jpeg' })]);
  },
};
