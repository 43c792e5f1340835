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
const lang = document.getElementById('lang');
lang.addEventListener('click', () => {
  const en = document.documentElement.lang !== 'en';
  document.documentElement.lang = en ? 'en' : 'ru';
  lang.textContent = en ? 'RU' : 'EN';
  lang.setAttribute('aria-label', en ? 'Переключить на русский' : 'Switch to English');
});
document.addEventListener('gu-submitted', (e) => console.info('gu-submitted', e.detail.receipt.number));
