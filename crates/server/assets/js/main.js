// Rasad's web app: the views render from the URL's state (state.js) whenever it changes.
import { el, api, num } from './dom.js';
import { state, go, onChange, start } from './state.js';
import { showFilters } from './filters.js';
import { showSearch } from './search.js';
import { showEvents } from './events.js';
import { showMap } from './map.js';
import { showTimeline } from './timeline.js';
import { showNetwork } from './network.js';
import { showDoc } from './reader.js';

const VIEWS = { search: showSearch, events: showEvents, map: showMap, timeline: showTimeline, network: showNetwork, doc: showDoc };

document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => go({ view: b.dataset.view })));

onChange((s, how) => {
  const view = VIEWS[s.view] ? s.view : 'events';
  document.querySelectorAll('.view').forEach((v) => v.classList.toggle('active', v.id === 'view-' + view));
  document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
  document.getElementById('nav-doc').disabled = !s.doc;
  document.getElementById('filters-bar').hidden = view === 'doc';
  showFilters(s, how);
  VIEWS[view](s);
});

/** A path as one shell word (quoted when it holds anything but plain characters). */
const shellWord = (p) => /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, "'\\''")}'`;

api('/api/stats').then((c) => {
  // All events (background ones too) here; the events list counts current ones unless asked.
  const stats = document.getElementById('stats');
  stats.textContent = `${num(c.documents)} documents · ${num(c.events)} events in all (${num(c.current_events)} current) · ${num(c.stories)} stories`;
  stats.title = 'Events in all include background events (long before publication, or recalled history); the views show current events unless "include background events" is ticked.';
  if (!c.documents) {
    const db = `--db ${shellWord(c.store || 'STORE')}`;
    document.getElementById('empty').replaceChildren(
      el('h2', {}, 'The store is empty'),
      el('p', {}, 'This server reads the store ', el('code', {}, c.store || '?'), '. Add documents to it with ', el('code', {}, `rasad ingest ${db} PATH`), ' (text files, saved web pages, JSON Lines, WARC archives, RSS or Atom feeds, or a folder of them), then reload this page. To try the app on the ten built-in example articles, stop this server and run ', el('code', {}, `rasad serve ${db} --examples`), '.'));
    document.getElementById('empty').hidden = false;
  }
}).catch(() => {});

window.rasadOpenDoc = (id, event) => go({ view: 'doc', doc: id, event: event || '' });
window.rasadState = state;
start();
