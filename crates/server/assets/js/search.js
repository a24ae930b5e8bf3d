// Search: Arabic words (other forms of them found too), the shared filters, ranked pages of
// documents with the total, highlighted snippets and the matching events.
import { el, api, iso, line, cps, num, dirOf } from './dom.js';
import { state, go, filters } from './state.js';
import { facet, withBackground } from './filters.js';
import { pagerOf, askedPage, clampPage } from './events.js';

const PAGE = 20;
const MAX_OFFSET = 900;
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const info = document.getElementById('search-info');
const list = document.getElementById('hits');
const pager = document.getElementById('search-pager');
form.addEventListener('submit', (ev) => { ev.preventDefault(); go({ q: input.value.trim() }); });

function snippetNode(sn) {
  const chars = cps(sn.text);
  const out = el('div', { class: 'snippet', lang: 'ar', dir: 'rtl' }, '… ');
  let at = 0;
  for (const h of sn.highlights) {
    const a = h.start - sn.start, b = h.end - sn.start;
    if (a < at || b > chars.length) continue;
    out.append(chars.slice(at, a).join(''), el('mark', {}, chars.slice(a, b).join('')));
    at = b;
  }
  out.append(chars.slice(at).join(''), ' …');
  return out;
}

const notes = {};
let shown = '';
export async function showSearch(s) {
  const page = askedPage(s, 'spage', notes, Math.floor(MAX_OFFSET / PAGE) + 1);
  if (page === null) return;
  const key = JSON.stringify([s.q, filters(s), page]);
  if (key === shown) return;
  shown = key;
  if (document.activeElement !== input) input.value = s.q;
  list.replaceChildren();
  pager.replaceChildren();
  info.textContent = 'searching…';
  const offset = (page - 1) * PAGE;
  try {
    const r = await api('/api/search', { q: s.q, ...filters(s), limit: PAGE, offset });
    if (key !== shown) return;
    if (clampPage(s, 'spage', page, r.offset, PAGE, r.total, notes)) return;
    const { total, hits } = r;
    // The event filters (type, actor, place, dates, status, background) keep documents with a
    // matching event; outlet and relevance are the document's own.
    const narrowed = ['type', 'actor', 'place', 'from', 'to', 'status'].some((k) => s[k]);
    const events = withBackground(s.background) ? 'events listed: background ones too' : 'events listed: current ones';
    const what = (s.q ? 'documents match' : 'documents (newest first; type words to search)') + (narrowed ? `, each with an event of the filter (${events})` : ` (${events})`);
    info.textContent = total ? `${num(r.offset + 1)}–${num(r.offset + hits.length)} of ${num(total)} ${what}` : 'No document matches.';
    if (notes.spage) { info.append(el('span', { class: 'page-note' }, ' ' + notes.spage)); delete notes.spage; }
    list.start = r.offset + 1;
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const last = Math.min(pages, Math.floor(MAX_OFFSET / PAGE) + 1);
    pager.replaceChildren(...pagerOf(page, last, 'spage', last < pages ? `(the first ${num(last * PAGE)} are served: narrow the search)` : ''));
    for (const h of hits) {
      const evs = el('ul', { class: 'hit-events' });
      for (const e of h.events.slice(0, 6)) evs.append(el('li', {}, ...line('', e.type, e.date || 'undated', e.place || '—', e.actors.join('، ') || '—').childNodes));
      if (h.events.length > 6) evs.append(el('li', { class: 'info' }, `and ${h.events.length - 6} more events`));
      list.append(el('li', { class: 'hit' },
        el('a', { class: 'hit-title', dir: dirOf(h.title || h.source), href: `?view=doc&doc=${encodeURIComponent(h.id)}`, onclick: (ev) => { ev.preventDefault(); go({ view: 'doc', doc: h.id, event: '' }); } }, iso(h.title || h.source)),
        line('info', h.outlet ? facet('outlet', h.outlet, h.outlet) : '—', h.published || 'undated'),
        snippetNode(h.snippet), evs));
    }
  } catch (e) { info.textContent = 'error: ' + e.message; }
}
