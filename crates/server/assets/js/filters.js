// The filter bar every view shares: type, actor and place boxes that complete names (English or
// Arabic, from the store), dates, outlet, status, relevance and "current events only"; chips of
// the active filters; the export links of the current filter.
import { el, api, TYPES, iso } from './dom.js';
import { state, go, filters, FILTERS } from './state.js';

const form = document.getElementById('filters');
const $ = (name) => form.elements.namedItem(name);

for (const t of TYPES) $('type').append(el('option', { value: t }, t));

// Names of ids already looked up, for the boxes and the chips.
const known = { actor: new Map(), place: new Map() };
async function nameOf(role, id) {
  if (!id) return '';
  if (!known[role].has(id)) {
    try {
      const { names } = await api('/api/names', { role, id });
      known[role].set(id, names[0] ? names[0].name : id);
    } catch { known[role].set(id, id); }
  }
  return known[role].get(id);
}

/** A box that completes actor or place names as one types, and filters by the chosen id. */
function completer(role) {
  const input = $(role);
  const list = el('ul', { class: 'suggest', role: 'listbox', id: `suggest-${role}` });
  input.after(list);
  input.setAttribute('aria-controls', list.id);
  let seq = 0, active = -1, items = [];
  const close = () => { list.replaceChildren(); list.classList.remove('open'); active = -1; items = []; };
  const choose = (n) => { known[role].set(n.id, n.name); input.value = n.name; close(); go({ [role]: n.id }); };
  const mark = () => list.querySelectorAll('li').forEach((li, i) => li.classList.toggle('active', i === active));
  input.addEventListener('input', async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { close(); if (state[role]) go({ [role]: '' }); return; }
    const { names } = await api('/api/names', { role, q, limit: 10 });
    if (mine !== seq) return;
    items = names;
    list.replaceChildren(...names.map((n) => el('li', { role: 'option', 'data-id': n.id, onmousedown: (ev) => { ev.preventDefault(); choose(n); } },
      el('b', {}, iso(n.name)), ' ', el('span', { class: 'forms', lang: 'ar', dir: 'rtl' }, n.forms.slice(0, 2).join('، ')), ' ', el('small', {}, `${n.events} current events`))));
    if (!names.length) list.append(el('li', { class: 'none' }, 'no such name in the store'));
    list.classList.add('open');
    active = names.length ? 0 : -1;
    mark();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') { ev.preventDefault(); if (items.length) { active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length; mark(); } }
    else if (ev.key === 'Enter') { ev.preventDefault(); if (items[active]) choose(items[active]); }
    else if (ev.key === 'Escape') close();
  });
  // Typed but not chosen: the box shows the active filter again (it never shows a name that
  // does not filter).
  input.addEventListener('blur', () => setTimeout(async () => { close(); if (document.activeElement !== input) input.value = await nameOf(role, state[role]); }, 150));
  return async (s, how) => {
    if (document.activeElement === input && !how.popstate) return;
    if (how.popstate) close();
    input.value = await nameOf(role, s[role]);
  };
}
const showActor = completer('actor');
const showPlace = completer('place');

for (const name of ['type', 'from', 'to', 'status', 'relevance']) $(name).addEventListener('change', () => go({ [name]: $(name).value }));
$('outlet').addEventListener('change', () => go({ outlet: $('outlet').value.trim() }));
// The outlet box completes the store's outlets (matched in any case by the API).
const outlets = el('datalist', { id: 'outlet-list' });
$('outlet').after(outlets);
$('outlet').setAttribute('list', outlets.id);
api('/api/outlets').then((r) => outlets.replaceChildren(...r.outlets.map((o) => el('option', { value: o.name }, `${o.documents} documents`)))).catch(() => {});
$('background').addEventListener('change', () => go({ background: $('background').checked ? '1' : '' }));
form.addEventListener('submit', (ev) => ev.preventDefault());
document.getElementById('clear-filters').addEventListener('click', () => go(Object.fromEntries(FILTERS.map((k) => [k, '']))));

const LABELS = { type: 'type', actor: 'actor', place: 'place', from: 'from', to: 'to', outlet: 'outlet', status: 'status', relevance: 'relevance ≥', background: 'with background events' };

/** A calendar date YYYY-MM-DD (not 2015-02-30). */
const isDay = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(d + 'T00:00:00Z').toISOString().slice(0, 10) === d;
/** Whether a `background` value asks for background events (as the API reads it). */
export const withBackground = (v) => ['1', 'true'].includes(String(v).toLowerCase());

/** Shows the state in the bar, the chips and the export links; `how.popstate` after the back
 * or forward button (then the boxes show the state even while focused). */
export async function showFilters(s, how = {}) {
  for (const name of ['from', 'to', 'status', 'relevance']) $(name).value = s[name];
  $('type').value = s.type.toUpperCase();
  if (how.popstate || document.activeElement !== $('outlet')) $('outlet').value = s.outlet;
  $('background').checked = withBackground(s.background);
  const chips = document.getElementById('chips');
  const f = filters(s);
  // A date that is not in the calendar filters nothing: no chip, a warning the API repeats.
  const bad = ['from', 'to'].filter((k) => f[k] && !isDay(f[k]));
  for (const k of bad) delete f[k];
  if (f.background && !withBackground(f.background)) delete f.background;
  const list = await Promise.all(Object.keys(f).map(async (k) => {
    const v = k === 'actor' || k === 'place' ? await nameOf(k, f[k]) : k === 'background' ? '' : f[k];
    return el('span', { class: 'chip', 'data-filter': k }, `${LABELS[k]} `, iso(v), el('button', { type: 'button', title: 'remove this filter', onclick: () => go({ [k]: '' }) }, '×'));
  }));
  const warnings = bad.map((k) => el('span', { class: 'bad-filter', 'data-filter': k }, `${k}=${s[k]} is not a date of the calendar `, el('button', { type: 'button', onclick: () => go({ [k]: '' }) }, 'remove')));
  chips.replaceChildren(...warnings, ...(list.length || warnings.length ? list : [el('span', { class: 'info' }, 'no filter: current events only (background events hidden)')]));
  const qs = new URLSearchParams({ ...f, sort: s.sort });
  for (const a of document.querySelectorAll('#export a')) a.href = `/api/export?format=${a.dataset.format}&${qs}`;
  await Promise.all([showActor(s, how), showPlace(s, how)]);
}

/** A button that filters by a value (an actor, place, type or outlet clicked in a table or popup). */
export function facet(key, value, label, extra = {}) {
  if (!value) return iso(label || '—');
  return el('button', { type: 'button', class: 'facet', 'data-filter': key, 'data-value': value, title: `filter by this ${key}`,
    onclick: (ev) => { ev.stopPropagation(); if (key === 'actor' || key === 'place') known[key].set(value, label); go({ [key]: value, ...extra }); } }, iso(label || value));
}
