// Demo page controls (a separate file: the page's CSP forbids inline scripts).
const provider = document.querySelector('gu-support-provider');
const lowVision = document.getElementById('low-vision');
lowVision.addEventListener('click', () => {
  const on = lowVision.getAttribute('aria-pressed') !== 'true';
  lowVision.setAttribute('aria-pressed', String(on));
  document.body.classList.toggle('low-vision', on);
  if (on) provider.setAttribute('theme', 'low-vision');
  else provider.removeAttribute('theme');
});
// The kit's elements switch language through the provider's `lang`; the portal's own text stays
// Russian, so the page keeps `lang="ru"`. The button's name is its visible text (WCAG 2.5.3).
const lang = document.getElementById('lang');
lang.addEventListener('click', () => {
  const en = provider.getAttribute('lang') !== 'en';
  provider.setAttribute('lang', en ? 'en' : 'ru');
  lang.lang = en ? 'ru' : 'en';
  lang.textContent = en ? 'Поддержка на русском' : 'Support in English';
});
document.addEventListener('gu-submitted', (e) => console.info('gu-submitted', e.detail.receipt.number));
// «Открыть чат» in the page opens the kit's chat window (its launcher stays in the corner). The chat
// is `loading="lazy"`: a click before its code has arrived asks for it now (the attribute off) and
// opens it as soon as it is there.
document.getElementById('open-chat').addEventListener('click', () => {
  const chat = document.querySelector('gu-chat');
  chat.removeAttribute('loading');
  void customElements.whenDefined('gu-chat').then(() => chat.open());
});
// «Написать в поддержку» in the FAQ fills the form (it listens itself); the page brings it into view.
document.addEventListener('gu-handoff', () => document.getElementById('form').scrollIntoView({ behavior: 'smooth', block: 'start' }));
