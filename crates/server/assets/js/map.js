// The map: every located event of the filter, by place. Towns are dots sized by their events;
// districts and governorates are drawn as dashed areas (a dot at their centre would claim a
// precision the text does not give); country-level events shade the country. The legend gives
// the types and the three precisions; the line under the map says what is shown and why.
/* global L */
import { el, api, iso, num, color, typeLegend } from './dom.js';
import { go, filters } from './state.js';
import { facet } from './filters.js';

const info = document.getElementById('map-info');
let map = null, layer = null, countries = null, legend = null, shown = '';
// Gazetteer country names that Natural Earth's outlines spell otherwise.
const OUTLINE_NAMES = { 'United States': 'United States of America', 'Bosnia and Herzegovina': 'Bosnia and Herz.', 'Czech Republic': 'Czechia',
  'Democratic Republic of the Congo': 'Dem. Rep. Congo', 'Central African Republic': 'Central African Rep.', 'South Sudan': 'S. Sudan', 'Dominican Republic': 'Dominican Rep.' };

async function setup() {
  map = L.map('map', { zoomControl: true, attributionControl: true, minZoom: 2, maxZoom: 13 }).setView([33, 40], 5);
  // Offline basemap: the world's countries, and Syria's governorates in detail.
  const world = await (await fetch('/assets/world.geojson')).json();
  L.geoJSON(world, { style: { color: '#9aa', weight: 0.7, fillColor: '#eeeae0', fillOpacity: 1 }, interactive: false }).addTo(map);
  const base = await (await fetch('/assets/basemap.geojson')).json();
  L.geoJSON(base, { style: { color: '#789', weight: 1, fillColor: '#f8f5ec', fillOpacity: 1 }, interactive: false }).addTo(map);
  map.attributionControl.addAttribution(world.attribution);
  map.attributionControl.addAttribution(base.attribution || 'OCHA');
  countries = new Map(world.features.map((f) => [f.properties.name, f]));
  legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => el('div', { class: 'map-legend' });
  legend.addTo(map);
}

function popup(p) {
  const rows = p.types.map(([t, n]) => el('li', {}, el('i', { class: 'swatch', 'data-color': color(t) }), facet('type', t, t), ` ${n}`));
  const box = el('div', { class: 'popup' },
    el('b', {}, p.id ? facet('place', p.id, p.name) : iso(p.name)), ` · ${num(p.events)} events`, el('br'),
    el('small', {}, { exact: 'a town or site', admin: 'a district or governorate: somewhere in this area', country: 'the country only' }[p.precision] || ''),
    el('ul', {}, ...rows),
    p.id ? el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); go({ view: 'events', place: p.id }); } }, 'list these events') : null);
  box.querySelectorAll('i.swatch').forEach((i) => { i.style.background = i.dataset.color; });
  return box;
}

function draw(places) {
  const group = L.featureGroup();
  const areas = L.featureGroup();
  const unshaded = [];
  const byPrecision = { exact: 0, admin: 0, country: 0 };
  for (const p of places) {
    byPrecision[p.precision] = (byPrecision[p.precision] || 0) + p.events;
    const c = color(p.types[0][0]);
    const opts = { color: c, fillColor: c };
    let shape;
    if (p.precision === 'country') {
      const f = countries.get(OUTLINE_NAMES[p.name] || p.name);
      if (!f) { unshaded.push(p); continue; }
      shape = L.geoJSON(f, { style: { ...opts, weight: 2, dashArray: '2 6', fillOpacity: 0.07, className: 'pt pt-country' } });
      shape.bindTooltip(`${p.name}: ${p.events} events known at country level`);
      areas.addLayer(shape);
    } else if (p.precision === 'admin') {
      shape = L.circle([p.lat, p.lon], { ...opts, radius: 25000 + 3000 * Math.sqrt(p.events), weight: 2, dashArray: '6 5', fillOpacity: 0.15, className: 'pt pt-admin' });
      shape.bindTooltip(`${p.name} (area): ${p.events} events`);
      areas.addLayer(shape);
    } else {
      shape = L.circleMarker([p.lat, p.lon], { ...opts, radius: Math.min(22, 4 + 2 * Math.sqrt(p.events)), weight: 1, fillOpacity: 0.85, className: 'pt pt-exact' });
      shape.bindTooltip(`${p.name}: ${p.events} events`);
      group.addLayer(shape);
    }
    shape.bindPopup(() => popup(p));
  }
  const all = L.featureGroup([areas, group]);
  return { all, group, areas, byPrecision, unshaded };
}

export async function showMap(s) {
  if (!map) await setup();
  map.invalidateSize();
  const key = JSON.stringify(filters(s));
  if (key === shown) return;
  shown = key;
  info.textContent = 'loading…';
  try {
    const m = await api('/api/map', filters(s));
    if (key !== shown) return;
    if (layer) layer.remove();
    const d = draw(m.places);
    layer = d.all.addTo(map);
    const bounds = d.group.getLayers().length ? L.featureGroup([d.group, ...d.areas.getLayers().filter((l) => l instanceof L.Circle)]).getBounds() : d.all.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.1), { maxZoom: 9, animate: false });
    const types = [...new Set(m.places.flatMap((p) => p.types.map((t) => t[0])))];
    const box = legend.getContainer();
    box.replaceChildren(el('b', {}, 'Event types'), typeLegend(types, (t) => go({ type: t })),
      el('b', {}, 'Where'), el('div', { class: 'prec' }, el('span', { class: 'key-exact' }), 'town or site (dot, by events)'),
      el('div', { class: 'prec' }, el('span', { class: 'key-admin' }), 'district or governorate (dashed area)'),
      el('div', { class: 'prec' }, el('span', { class: 'key-country' }), 'country only (shaded country)'));
    const { exact, admin, country } = d.byPrecision;
    const parts = [`All ${num(m.located)} located events of the filter, at ${num(m.places.length)} places: ${num(exact)} at towns or sites, ${num(admin)} in districts or governorates (areas), ${num(country)} known only by country (shaded).`];
    if (m.unlocated) parts.push(`${num(m.unlocated)} more events have no place with coordinates and are not drawn.`);
    if (d.unshaded.length) parts.push(`Not drawn (no outline for the country): ${d.unshaded.map((p) => `${p.name} ${p.events}`).join(', ')}.`);
    info.replaceChildren(...parts.map((p) => el('span', {}, p + ' ')));
  } catch (err) { info.textContent = 'error: ' + err.message; }
}
