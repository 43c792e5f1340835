// Shared by the console's parts: the operator's token, API calls, and text-only DOM building.
export const $ = (id) => document.getElementById(id);

export const auth = { token: sessionStorage.getItem('gu-operator-token') ?? '' };

/** At most `max` code points, with runs of combining marks cut to two (one letter + 30,000 marks is one "character"). */
export function clip(text, max) {
  const calm = String(text ?? '').replace(/(\p{M}{2})\p{M}+/gu, '$1');
  const points = Array.from(calm);
  return points.length > max ? `${points.slice(0, max).join('')}…` : calm;
}

/** An element with attributes, listeners (`on…`) and children; strings become text nodes, never HTML. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export class Unauthorized extends Error {}

/** GET, or POST with a JSON body or a FormData; throws `Unauthorized` on 401 and the problem title otherwise. */
export async function api(path, body) {
  const form = body instanceof FormData;
  const response = await fetch(path, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${auth.token}`, ...(body && !form ? { 'Content-Type': 'application/json' } : {}) },
    body: form ? body : body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) throw new Unauthorized('unauthorized');
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).title ?? `HTTP ${response.status}`);
  return response.status === 204 ? null : response.json();
}

export const time = (iso) => new Date(iso).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' });
