// Rasad's web app. Article text is untrusted: it is only ever inserted as text (textContent or
// text nodes), never as markup; the server's Content-Security-Policy forbids inline scripts too.
'use strict';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#86bcb6', '#d37295', '#fabfd2', '#8cd17d', '#499894', '#c1272d'];
const color = (t) => COLORS[Math.max(0, TYPES.indexOf(t)) % COLORS.length];

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const kid of kids) {
    if (kid === undefined || kid === null) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const r = await fetch(path + (qs.toString() ? '?' + qs : ''));
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// ---- navigation
const views = {};
function show(name) {
  document.querySelectorAll('.view').forEach((v) => v.classList.toggle('active', v.id === 'view-' + name));
  document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('active', b.dataset.view === name));
  if (views[name] && !views[name].loaded) { views[name].loaded = true; views[name].load(); }
  if (name === 'map' && views.map.map) setTimeout(() => views.map.map.invalidateSize(), 0);
}
document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => show(b.dataset.view)));

for (const sel of document.querySelectorAll('select[name=type]')) for (const t of TYPES) sel.append(el('option', { value: t }, t));

// Values from articles (outlets, titles, names, dates) go into a line each in a <bdi>: a
// direction override (U+202E) or a right-to-left name cannot reorder what stands beside it.
const iso = (v) => el('bdi', {}, v);
const line = (cls, ...vals) => {
  const out = el('div', { class: cls });
  vals.forEach((v, i) => { if (i) out.append(' · '); out.append(iso(v)); });
  return out;
};

// Code-point slicing: spans are Unicode code points, JavaScript strings are UTF-16.
const cps = (s) => Array.from(s);

// A word longer than this many code points gets a break opportunity (<wbr>, not text) after
// every such stretch: a 200,000-letter word wraps, and cheaply (breaking anywhere in a long
// Arabic run costs the browser seconds).
const WORD = 40;
function breakable(str) {
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
// At most n code points of a value (the whole is in the document reader).
const clip = (str, n) => { const p = cps(str || ''); return p.length > n ? p.slice(0, n).join('') + '…' : str || ''; };

// ---- search
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

async function runSearch() {
  const f = new FormData(document.getElementById('search-form'));
  const info = document.getElementById('search-info');
  const list = document.getElementById('hits');
  list.replaceChildren();
  info.textContent = 'searching…';
  try {
    const { hits } = await api('/api/search', { q: f.get('q'), type: f.get('type'), limit: 50 });
    info.textContent = hits.length ? `${hits.length} documents` : 'no documents match';
    for (const h of hits) {
      const evs = el('ul', { class: 'hit-events' });
      for (const e of h.events.slice(0, 6)) {
        const li = line('hit-event', e.type, e.date || 'undated', e.place || '—', e.actors.join('، ') || '—');
        evs.append(el('li', {}, ...li.childNodes));
      }
      list.append(el('li', { class: 'hit' },
        el('div', { class: 'hit-title', lang: 'ar', dir: 'auto', onclick: () => openDoc(h.id) }, iso(h.title || h.source)),
        line('info', h.outlet || '—', h.published || 'undated'),
        snippetNode(h.snippet), evs));
    }
  } catch (e) { info.textContent = 'error: ' + e.message; }
}
document.getElementById('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); runSearch(); });
views.search = { load: runSearch };

// ---- events table
async function runEvents() {
  const f = Object.fromEntries(new FormData(document.getElementById('events-form')));
  const info = document.getElementById('events-info');
  const body = document.querySelector('#events-table tbody');
  body.replaceChildren();
  info.textContent = 'loading…';
  try {
    const { total, events } = await api('/api/events', { ...f, limit: 200 });
    info.textContent = `${total} events${total > events.length ? `, first ${events.length} shown` : ''}`;
    for (const e of events) {
      const q = e.quantity === null || e.quantity === undefined ? '' : `${e.quantity_bound === 'at_least' ? '≥ ' : e.quantity_approx ? '≈ ' : ''}${e.quantity} ${e.quantity_unit || ''}`;
      body.append(el('tr', { class: 'event-row', 'data-type': e.event_type, onclick: () => openDoc(e.doc_id, e.event_id) },
        el('td', {}, e.event_date || '—'), el('td', {}, e.event_type + (e.status !== 'reported' ? ` (${e.status})` : '')),
        el('td', {}, e.actor1 || '—'), el('td', {}, e.actor2 || '—'), el('td', {}, e.location || '—'),
        el('td', { class: 'ar' }, q), el('td', {}, e.source || '—'), el('td', {}, e.independent_sources),
        el('td', { class: 'ar sentence', lang: 'ar' }, ...breakable(clip(e.notes, 600)))));
    }
  } catch (err) { info.textContent = 'error: ' + err.message; }
}
document.getElementById('events-form').addEventListener('submit', (ev) => { ev.preventDefault(); runEvents(); });
views.events = { load: runEvents };

// ---- map
views.map = {
  async load() {
    const map = L.map('map', { zoomControl: true, attributionControl: true, minZoom: 4, maxZoom: 13 }).setView([35, 38.5], 6);
    this.map = map;
    // Offline basemap: the world's countries, and Syria's governorates in detail.
    const world = await (await fetch('/assets/world.geojson')).json();
    L.geoJSON(world, { style: { color: '#9aa', weight: 0.7, fillColor: '#eeeae0', fillOpacity: 1 }, interactive: false }).addTo(map);
    const base = await (await fetch('/assets/basemap.geojson')).json();
    L.geoJSON(base, { style: { color: '#789', weight: 1, fillColor: '#f8f5ec', fillOpacity: 1 } }).addTo(map);
    map.attributionControl.addAttribution(world.attribution);
    map.attributionControl.addAttribution(base.attribution || 'OCHA');
    const { events } = await api('/api/events', { limit: 500 });
    const cluster = L.markerClusterGroup();
    let n = 0;
    for (const e of events) {
      if (e.latitude === null || e.latitude === undefined) continue;
      const popup = el('div', {},
        el('b', {}, `${e.event_type} · ${e.event_date || 'undated'}`), el('br'),
        iso(e.actor1 || '—'), ' → ', iso(e.actor2 || '—'), el('br'), iso(e.location || ''), ` (${e.geo_precision || ''})`,
        el('p', { lang: 'ar', dir: 'rtl', class: 'sentence' }, ...breakable(clip(e.notes, 600))),
        el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); openDoc(e.doc_id, e.event_id); } }, 'open the article'));
      L.circleMarker([e.latitude, e.longitude], { radius: 7, color: color(e.event_type), fillOpacity: .8 }).bindPopup(popup).addTo(cluster);
      n++;
    }
    map.addLayer(cluster);
    document.getElementById('map-info').textContent = `${n} located events (of the latest 500)`;
  },
};

// ---- timeline
views.timeline = {
  async load() {
    const { days } = await api('/api/timeline');
    const box = document.getElementById('timeline');
    const byDay = new Map();
    for (const d of days) { if (!byDay.has(d.day)) byDay.set(d.day, []); byDay.get(d.day).push(d); }
    const keys = [...byDay.keys()];
    const max = Math.max(1, ...keys.map((k) => byDay.get(k).reduce((s, d) => s + d.count, 0)));
    const w = Math.max(600, keys.length * 14 + 60), h = 260;
    const s = svg('svg', { width: w, height: h + 60, role: 'img', 'aria-label': 'events per day by type' });
    keys.forEach((k, i) => {
      let y = h;
      for (const d of byDay.get(k)) {
        const bh = (d.count / max) * (h - 20);
        y -= bh;
        const r = svg('rect', { x: 40 + i * 14, y, width: 12, height: bh, fill: color(d.type), class: 'bar' });
        const t = svg('title', {}); t.textContent = `${k} ${d.type}: ${d.count}`; r.append(t);
        s.append(r);
      }
      if (i % Math.ceil(keys.length / 12) === 0) {
        const lab = svg('text', { x: 40 + i * 14, y: h + 14, 'font-size': 10, transform: `rotate(45 ${40 + i * 14} ${h + 14})` });
        lab.textContent = k; s.append(lab);
      }
    });
    const legend = el('div', { class: 'legend' });
    for (const t of new Set(days.map((d) => d.type))) legend.append(el('span', {}, el('i', {}), t));
    legend.querySelectorAll('i').forEach((i, n) => { i.style.background = color([...new Set(days.map((d) => d.type))][n]); });
    box.replaceChildren(el('p', { class: 'info' }, `${keys.length} days with dated events`), s, legend);
  },
};

// ---- network (a small force layout)
views.network = {
  async load() {
    const { nodes, edges } = await api('/api/network');
    const box = document.getElementById('network');
    const W = 900, H = 600;
    const idx = new Map(nodes.map((n, i) => [n.id, i]));
    const pos = nodes.map((_, i) => ({ x: W / 2 + 250 * Math.cos(i * 2.4), y: H / 2 + 200 * Math.sin(i * 2.4), vx: 0, vy: 0 }));
    for (let it = 0; it < 300; it++) {
      for (let a = 0; a < nodes.length; a++) for (let b = a + 1; b < nodes.length; b++) {
        const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y, d2 = dx * dx + dy * dy + 0.01, f = 2000 / d2;
        pos[a].vx += dx * f / Math.sqrt(d2); pos[a].vy += dy * f / Math.sqrt(d2); pos[b].vx -= dx * f / Math.sqrt(d2); pos[b].vy -= dy * f / Math.sqrt(d2);
      }
      for (const e of edges) {
        const a = pos[idx.get(e.source)], b = pos[idx.get(e.target)];
        const dx = b.x - a.x, dy = b.y - a.y;
        a.vx += dx * 0.01; a.vy += dy * 0.01; b.vx -= dx * 0.01; b.vy -= dy * 0.01;
      }
      for (const p of pos) { p.vx += (W / 2 - p.x) * 0.002; p.vy += (H / 2 - p.y) * 0.002; p.x += p.vx * 0.5; p.y += p.vy * 0.5; p.vx *= 0.6; p.vy *= 0.6;
        p.x = Math.min(W - 20, Math.max(20, p.x)); p.y = Math.min(H - 20, Math.max(20, p.y)); }
    }
    const s = svg('svg', { width: W, height: H, role: 'img', 'aria-label': 'actor network' });
    // Arrowheads: who acts on whom.
    const defs = svg('defs', {});
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#555' }));
    defs.append(marker);
    s.append(defs);
    for (const e of edges) {
      const a = pos[idx.get(e.source)], b = pos[idx.get(e.target)];
      const line = svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: color(e.type), 'stroke-width': Math.min(8, 1 + e.weight), 'stroke-opacity': .7, class: 'edge', 'marker-end': 'url(#arrow)' });
      const t = svg('title', {}); t.textContent = `${e.source} → ${e.target}: ${e.type} × ${e.weight}`; line.append(t);
      s.append(line);
    }
    nodes.forEach((n, i) => {
      const c = svg('circle', { cx: pos[i].x, cy: pos[i].y, r: Math.min(18, 4 + 2 * Math.sqrt(n.events)), fill: '#123', 'fill-opacity': .75, class: 'node' });
      const t = svg('title', {}); t.textContent = `${n.name} (${n.id}): ${n.events} events`; c.append(t);
      const lab = svg('text', { x: pos[i].x + 8, y: pos[i].y - 8, 'font-size': 11 }); lab.textContent = n.name;
      s.append(c, lab);
    });
    box.replaceChildren(el('p', { class: 'info' }, `${nodes.length} actors, ${edges.length} typed links`), s);
  },
};

// ---- document reader
async function openDoc(id, eventId) {
  const nav = document.getElementById('nav-doc');
  nav.disabled = false;
  show('doc');
  const d = await api('/api/documents/' + encodeURIComponent(id));
  document.getElementById('doc-title').replaceChildren(iso(d.title || d.source));
  const meta = [d.outlet || '—', d.published || 'undated', d.source].concat(d.duplicates.length ? [`${d.duplicates.length} near-duplicate(s)`] : []);
  document.getElementById('doc-meta').replaceChildren(...line('info', ...meta).childNodes);
  const chars = cps(d.text);
  // Every span gets a number; each character knows the spans over it; runs of equal sets become one element.
  const spans = [];
  const add = (s, cls, info) => { if (s && s.end > s.start && s.end <= chars.length) spans.push({ start: s.start, end: s.end, cls, info }); };
  const rec = d.record;
  for (const e of rec.entities) add(e, e.label, `${e.label}: ${e.text}${e.name ? ' = ' + e.name : ''}${e.id ? ' [' + e.id + ']' : ''}`);
  for (const q of rec.quantities) add(q, 'quantity', `quantity: ${q.value}${q.unit ? ' ' + q.unit : ''} (${q.bound}${q.approx ? ', about' : ''})`);
  // A Hijri year or month has no single Gregorian value, only its first and last day.
  const when = (t) => t.value || (t.start_date ? `${t.start_date} … ${t.end_date}` : 'unresolved');
  for (const t of rec.times) add(t, 'time', `time: ${when(t)} (${t.precision || (t.start_date ? 'span' : '—')})`);
  rec.events.forEach((e) => {
    add(e.trigger, 'trigger', `${e.type} trigger: ${e.trigger.text}`);
    // Arguments are wrapped too, so clicking one in the event list can light its span.
    for (const a of [...e.actors, ...e.targets, ...e.places, e.source, e.date, e.quantity]) if (a) add(a, 'arg-span', `${e.type} argument: ${a.text}${a.name ? ' = ' + a.name : ''}`);
  });
  const cover = chars.map(() => []);
  spans.forEach((s, i) => { for (let c = s.start; c < s.end; c++) cover[c].push(i); });
  const text = document.getElementById('doc-text');
  text.replaceChildren();
  let c = 0;
  while (c < chars.length) {
    const key = cover[c].join(',');
    let e = c + 1;
    while (e < chars.length && cover[e].join(',') === key) e++;
    const piece = chars.slice(c, e).join('');
    if (!cover[c].length) text.append(...breakable(piece));
    else {
      const ids = cover[c];
      text.append(el('span', { class: 's ' + ids.map((i) => spans[i].cls).join(' '), 'data-start': c, 'data-end': e,
        onclick: () => { document.getElementById('doc-selected').textContent = ids.map((i) => spans[i].info).join(' · '); } }, ...breakable(piece)));
    }
    c = e;
  }
  const list = document.getElementById('doc-events');
  list.replaceChildren();
  rec.events.forEach((ev, n) => {
    const li = el('li', { 'data-event': `${d.id}-${n}` }, el('span', { class: 'ev-type' }, ev.type + (ev.mode ? ` (${ev.mode})` : '')), ' ', ev.status !== 'reported' ? `[${ev.status}] ` : '');
    const arg = (label, a) => { if (!a) return; li.append(el('br'), `${label}: `, el('span', { class: 'arg', lang: 'ar', onclick: () => focusSpan(a.start, a.end) }, a.text), a.name ? ` = ${a.name}` : ''); };
    arg('trigger', ev.trigger);
    ev.actors.forEach((a) => arg('actor', a));
    ev.targets.forEach((a) => arg('target', a));
    ev.places.forEach((a) => arg('place', a));
    arg('date', ev.date);
    arg('how many', ev.quantity);
    arg('according to', ev.source);
    li.append(el('div', { class: 'sentence', lang: 'ar', dir: 'rtl' }, ...breakable(clip(chars.slice(ev.sentence.start, ev.sentence.end).join(''), 600))));
    list.append(li);
  });
  if (eventId) {
    const li = list.querySelector(`[data-event="${CSS.escape(eventId)}"]`);
    if (li) { li.scrollIntoView({ block: 'nearest' }); const t = rec.events[Number(eventId.split('-').pop())]; if (t) focusSpan(t.trigger.start, t.trigger.end); }
  }
}

function focusSpan(start, end) {
  document.querySelectorAll('#doc-text .focus').forEach((x) => x.classList.remove('focus'));
  let first = null;
  document.querySelectorAll('#doc-text .s').forEach((x) => {
    const a = Number(x.dataset.start), b = Number(x.dataset.end);
    if (a < end && b > start) { x.classList.add('focus'); first = first || x; }
  });
  if (first) first.scrollIntoView({ block: 'center' });
}
window.rasadOpenDoc = openDoc;

api('/api/stats').then((c) => { document.getElementById('stats').textContent = `${c.documents} documents · ${c.events} events · ${c.stories} stories`; }).catch(() => {});
show('search');
