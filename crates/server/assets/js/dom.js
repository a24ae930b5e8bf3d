// DOM helpers shared by the views. Article text is untrusted: it is only ever inserted as text
// (text nodes), never as markup; the server's Content-Security-Policy forbids inline scripts too.

export const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
// Sixteen of Kelly's 22 colours of maximum contrast (K. L. Kelly, 1965; white and black left
// out), the subset whose closest pair is farthest apart in CIELAB (ΔE76 ≥ 27; the Tableau-like
// list before had pairs at 4). Violence in reds and browns, cooperation in greens and blues.
const COLORS = {
  AGREE: '#E68FAC', CONSULT: '#DCD300', SUPPORT: '#0067A5', CONCEDE: '#C2B280', COOPERATE: '#008856', AID: '#8DB600',
  RETREAT: '#A1CAF1', REQUEST: '#F99379', ACCUSE: '#654522', REJECT: '#848482', THREATEN: '#875692', PROTEST: '#F6A600',
  SANCTION: '#2B3D26', MOBILIZE: '#E25822', COERCE: '#882D17', ASSAULT: '#BE0032',
};
/** The colour of a PLOVER type (the same in every view and legend). */
export const color = (t) => COLORS[t] || '#848482';

/** An element with attributes (`on…` are listeners) and children (strings become text nodes). */
export function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const kid of kids.flat()) {
    if (kid === undefined || kid === null) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

/** An SVG element. */
export function svg(tag, attrs, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A JSON API call; rejects with the server's error message. */
export async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const r = await fetch(path + (qs.toString() ? '?' + qs : ''));
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// Values from articles (outlets, titles, names, dates) go into a <bdi> each: a direction
// override (U+202E) or a right-to-left name cannot reorder what stands beside it.
export const iso = (v) => el('bdi', {}, v);
export const line = (cls, ...vals) => {
  const out = el('div', { class: cls });
  vals.forEach((v, i) => { if (i) out.append(' · '); out.append(v instanceof Node ? v : iso(v)); });
  return out;
};

/** The direction of a text by its first strong letter (as dir="auto" would find it; a block's
 * dir="auto" skips the <bdi> its text is in, so titles get theirs from here). */
export const dirOf = (text) => {
  const m = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.exec(text || '');
  return m && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(m[0]) ? 'rtl' : 'ltr';
};

// Code-point slicing: spans are Unicode code points, JavaScript strings are UTF-16.
export const cps = (s) => Array.from(s);

// A word longer than this many code points gets a break opportunity (<wbr>, not text) after
// every such stretch: a 200,000-letter word wraps, and cheaply.
const WORD = 40;
export function breakable(str) {
  const out = [];
  for (const part of str.split(/(\s+)/)) {
    const p = cps(part);
    if (p.length <= WORD) { if (part) out.push(part); continue; }
    for (let i = 0; i < p.length; i += WORD) {
      if (i) out.push(el('wbr'));
      out.push(p.slice(i, i + WORD).join(''));
    }
  }
  return out;
}
/** At most n code points of a value (the whole is in the document reader). */
export const clip = (str, n) => { const p = cps(str || ''); return p.length > n ? p.slice(0, n).join('') + '…' : str || ''; };

/** Thousands separated: 12,345. */
export const num = (n) => Number(n).toLocaleString('en-US');

/** A link only for http and https addresses (never javascript: or data:). */
export function safeLink(url, label) {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return iso(url || '—');
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, iso(label || url));
}

/** A legend of PLOVER types: a swatch and the name each. */
export function typeLegend(types, onClick) {
  const box = el('div', { class: 'legend' });
  for (const t of types) {
    box.append(el('span', { class: 'legend-item', 'data-type': t, onclick: onClick ? () => onClick(t) : null, title: onClick ? `show ${t} events only` : null },
      el('i', { class: 'swatch', 'data-color': color(t) }), t));
  }
  box.querySelectorAll('i.swatch').forEach((i) => { i.style.background = i.dataset.color; });
  return box;
}
