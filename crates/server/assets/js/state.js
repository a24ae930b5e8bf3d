// The app's state lives in the URL: every view and filter is a query parameter, so the back
// button, a reload and a shared link all show the same thing. `go` changes it (a new history
// entry unless `replace`), then every listener renders.

/** The filters every view shares (the names the JSON API takes). */
export const FILTERS = ['type', 'actor', 'place', 'from', 'to', 'outlet', 'status', 'relevance', 'background'];
/** Other parameters, with their defaults (not written to the URL). */
const DEFAULTS = { view: 'events', q: '', sort: 'date_desc', page: '1', spage: '1', doc: '', event: '', top: '40', minw: '1', tspan: '' };
const KEYS = [...Object.keys(DEFAULTS), ...FILTERS];

/** The current state: every key, as strings ('' when unset). */
export const state = {};

function read() {
  const qs = new URLSearchParams(location.search);
  for (const k of KEYS) state[k] = qs.get(k) ?? DEFAULTS[k] ?? '';
}

/** The URL of a state (only what differs from the defaults). */
export function urlOf(s) {
  const qs = new URLSearchParams();
  for (const k of KEYS) if (s[k] && s[k] !== (DEFAULTS[k] ?? '')) qs.set(k, s[k]);
  const t = qs.toString();
  return location.pathname + (t ? '?' + t : '');
}

/** A page number of the URL: a whole number from 1, else null (`2.5`, `1e3`, `x`). */
export function pageNumber(v) {
  return /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null;
}

/** The current filters, as API parameters. */
export function filters(s = state) {
  const out = {};
  for (const k of FILTERS) if (s[k]) out[k] = s[k];
  return out;
}

const listeners = [];
/** Calls `fn(state, how)` after every change (and at the start); `how.popstate` is true after
 * the back or forward button (boxes being typed in then show the state too). */
export function onChange(fn) { listeners.push(fn); }

/** Changes the state: a filter change goes back to the first page. */
export function go(patch, replace = false) {
  const next = { ...state, ...patch };
  if (FILTERS.some((k) => k in patch && patch[k] !== state[k]) || ('q' in patch && patch.q !== state.q) || ('sort' in patch && patch.sort !== state.sort)) {
    if (!('page' in patch)) next.page = '1';
    if (!('spage' in patch)) next.spage = '1';
  }
  const url = urlOf(next);
  if (replace) history.replaceState(null, '', url); else if (url !== location.pathname + location.search) history.pushState(null, '', url);
  Object.assign(state, next);
  render();
}

function render(how = {}) { for (const fn of listeners) fn(state, how); }

window.addEventListener('popstate', () => { read(); render({ popstate: true }); });
read();
export function start() { render(); }
