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

onChange((s) => {
  const view = VIEWS[s.view] ? s.view : 'events';
  document.querySelectorAll('.view').forEach((v) => v.classList.toggle('active', v.id === 'view-' + view));
  document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
  document.getElementById('nav-doc').disabled = !s.doc;
  document.getElementById('filters-bar').hidden = view === 'doc';
  showFilters(s);
  VIEWS[view](s);
});

api('/api/stats').then((c) => {
  document.getElementById('stats').textContent = `${num(c.documents)} documents · ${num(c.events)} events · ${num(c.stories)} stories`;
  if (!c.documents) {
    document.getElementById('empty').replaceChildren(
      el('h2', {}, 'The store is empty'),
      el('p', {}, 'Add documents with ', el('code', {}, 'rasad ingest PATH'), ' (text files, saved web pages, JSON Lines, WARC archives, RSS or Atom feeds, or a folder of them), then reload this page. To try the app on the ten built-in example articles, run ', el('code', {}, 'rasad serve --examples'), '.'));
    document.getElementById('empty').hidden = false;
  }
}).catch(() => {});

window.rasadOpenDoc = (id, event) => go({ view: 'doc', doc: id, event: event || '' });
window.rasadState = state;
start();
