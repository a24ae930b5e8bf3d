// The events table: every event of the filter, a page at a time, with the total; each actor,
// place, type and outlet filters by itself when clicked; a row opens its article at the event.
import { el, api, iso, breakable, clip, num } from './dom.js';
import { state, go, filters, pageNumber } from './state.js';
import { facet, withBackground } from './filters.js';

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

/** The page a state asks for, or (when it is no page number) page 1 and a note replacing the
 * URL's; `key` is `page` or `spage`. */
export function askedPage(s, key, notes, maxPage) {
  const page = pageNumber(s[key]);
  if (page === null) { notes[key] = `"${s[key]}" is not a page number: showing page 1.`; go({ [key]: '1' }, true); return null; }
  if (page > maxPage) { notes.asked = page; go({ [key]: String(maxPage) }, true); return null; }
  return page;
}

/** After a page past the last: the last page instead (the API's offset), said in a note. */
export function clampPage(s, key, page, offset, size, total, notes) {
  const served = Math.floor(offset / size) + 1, asked = notes.asked ?? page;
  if (served === page) {
    // Clamped to the last page served, and the filter has more pages.
    if (asked !== page) notes[key] = `Pages past ${num(page)} are not served (narrow the filter, or export it): showing page ${num(page)}.`;
    delete notes.asked;
    return false;
  }
  notes[key] = `There is no page ${num(asked)}: there are ${num(Math.max(1, Math.ceil(total / size)))}; showing the last.`;
  delete notes.asked;
  go({ [key]: String(served) }, true);
  return true;
}

const notes = {};
let shown = '';
export async function showEvents(s) {
  const page = askedPage(s, 'page', notes, Math.floor(MAX_OFFSET / PAGE) + 1);
  if (page === null) return;
  const key = JSON.stringify([filters(s), s.sort, page]);
  if (key === shown) return;
  shown = key;
  sort.value = s.sort;
  const offset = (page - 1) * PAGE;
  info.textContent = 'loading…';
  body.replaceChildren();
  pager.replaceChildren();
  try {
    const r = await api('/api/events', { ...filters(s), sort: s.sort, limit: PAGE, offset });
    if (key !== shown) return;
    if (clampPage(s, 'page', page, r.offset, PAGE, r.total, notes)) return;
    const { total, events } = r;
    const pages = Math.max(1, Math.ceil(total / PAGE));
    // The list counts current events unless background ones are asked for (the header: all).
    const what = withBackground(s.background) ? 'events (background included)' : 'current events';
    info.textContent = total ? `${num(r.offset + 1)}–${num(r.offset + events.length)} of ${num(total)} ${what}` : 'No event matches the filter.';
    if (notes.page) { info.append(el('span', { class: 'page-note' }, ' ' + notes.page)); delete notes.page; }
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
