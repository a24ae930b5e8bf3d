// The events table: every event of the filter, a page at a time, with the total; each actor,
// place, type and outlet filters by itself when clicked; a row opens its article at the event.
import { el, api, iso, breakable, clip, num } from './dom.js';
import { state, go, filters } from './state.js';
import { facet } from './filters.js';

/** Events a page holds. */
export const PAGE = 50;
/** The API's largest offset: pages beyond it need a narrower filter (or the export). */
const MAX_OFFSET = 10000;

const info = document.getElementById('events-info');
const body = document.querySelector('#events-table tbody');
const pager = document.getElementById('events-pager');
const sort = document.getElementById('events-sort');
sort.addEventListener('change', () => go({ sort: sort.value }));

const quantity = (e) => e.quantity === null || e.quantity === undefined ? ''
  : `${e.quantity_bound === 'at_least' ? '≥ ' : e.quantity_approx ? '≈ ' : ''}${e.quantity} ${e.quantity_unit || ''}`;

/** The Arabic sentence and, when the API gives an English summary beside it, that summary. */
export function eventText(e, n = 400) {
  const sentence = e.sentence !== undefined ? e.sentence : e.notes;
  const out = [el('div', { class: 'ar sentence', lang: 'ar', dir: 'rtl' }, ...breakable(clip(sentence, n)))];
  if (e.sentence !== undefined && e.notes) out.unshift(el('div', { class: 'notes' }, iso(e.notes)));
  return out;
}

/** Pager buttons: previous, "page p of n", next. */
export function pagerOf(page, pages, key, note) {
  const b = (label, to, rel) => el('button', { type: 'button', rel, disabled: to < 1 || to > pages || null, onclick: () => go({ [key]: String(to) }) }, label);
  return [b('‹ previous', page - 1, 'prev'), el('span', { class: 'page-of' }, ` page ${num(page)} of ${num(pages)} `), b('next ›', page + 1, 'next'), el('span', { class: 'info' }, note ? ' ' + note : '')];
}

let shown = '';
export async function showEvents(s) {
  const page = Math.max(1, Number(s.page) || 1);
  const key = JSON.stringify([filters(s), s.sort, page]);
  if (key === shown) return;
  shown = key;
  sort.value = s.sort;
  const offset = (page - 1) * PAGE;
  info.textContent = 'loading…';
  body.replaceChildren();
  pager.replaceChildren();
  if (offset > MAX_OFFSET) { info.textContent = `Pages past event ${num(MAX_OFFSET)} are not served: narrow the filter, or export it (all events).`; return; }
  try {
    const { total, events } = await api('/api/events', { ...filters(s), sort: s.sort, limit: PAGE, offset });
    if (key !== shown) return;
    const pages = Math.max(1, Math.ceil(total / PAGE));
    info.textContent = total ? `${num(offset + 1)}–${num(offset + events.length)} of ${num(total)} events` : 'No event matches the filter.';
    const last = Math.min(pages, Math.floor(MAX_OFFSET / PAGE) + 1);
    pager.replaceChildren(...pagerOf(page, last, 'page', last < pages ? `(pages past ${num(last)}: narrow the filter or export)` : ''));
    for (const e of events) {
      body.append(el('tr', { class: 'event-row', 'data-type': e.event_type, 'data-event': e.event_id, onclick: () => go({ view: 'doc', doc: e.doc_id, event: e.event_id }) },
        el('td', {}, el('a', { href: `?view=doc&doc=${encodeURIComponent(e.doc_id)}&event=${encodeURIComponent(e.event_id)}`, onclick: (ev) => { ev.preventDefault(); } }, e.event_date || 'undated'),
          e.event_date ? '' : el('small', { class: 'published' }, `published ${e.published || '?'}`)),
        el('td', {}, facet('type', e.event_type, e.event_type), e.status !== 'reported' ? ` (${e.status})` : '', e.background ? ' (background)' : ''),
        el('td', {}, facet('actor', e.actor1_id, e.actor1)), el('td', {}, facet('actor', e.actor2_id, e.actor2)),
        el('td', {}, facet('place', e.place_id, e.location), e.geo_precision && e.geo_precision !== 'exact' ? el('small', {}, ` (${e.geo_precision})`) : ''),
        el('td', { class: 'ar' }, quantity(e)), el('td', {}, iso(e.source || '—')), el('td', {}, facet('outlet', e.outlet, e.outlet)),
        el('td', {}, e.independent_sources), el('td', { class: 'text-cell' }, ...eventText(e))));
    }
  } catch (err) { info.textContent = 'error: ' + err.message; }
}
