// The actor network of the filter: the top actors by events (a slider sets how many), links of at
// least a number of events (another slider), zoom with the wheel and pan by dragging, a legend;
// clicking an actor filters every view by it.
import { el, svg, api, num, color, typeLegend } from './dom.js';
import { state, go, filters } from './state.js';

const box = document.getElementById('network');
const controls = document.getElementById('network-controls');
const top = controls.querySelector('[name=top]');
const minw = controls.querySelector('[name=minw]');
const out = (i) => controls.querySelector(`output[for=${i.name}]`);
for (const i of [top, minw]) {
  i.addEventListener('input', () => { out(i).textContent = i.value; });
  i.addEventListener('change', () => go({ [i.name]: i.value }, true));
}

/** A force layout (repulsion, springs on links, a pull to the centre), deterministic. */
function layout(nodes, edges, W, H) {
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const pos = nodes.map((_, i) => ({ x: W / 2 + (W / 3) * Math.sqrt(i / nodes.length) * Math.cos(i * 2.4), y: H / 2 + (H / 3) * Math.sqrt(i / nodes.length) * Math.sin(i * 2.4), vx: 0, vy: 0 }));
  const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6;
  for (let it = 0; it < 250; it++) {
    const temp = 1 - it / 250;
    for (let a = 0; a < nodes.length; a++) for (let b = a + 1; b < nodes.length; b++) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y, d2 = dx * dx + dy * dy + 0.01, f = (k * k) / d2;
      pos[a].vx += dx * f; pos[a].vy += dy * f; pos[b].vx -= dx * f; pos[b].vy -= dy * f;
    }
    for (const e of edges) {
      const a = pos[idx.get(e.source)], b = pos[idx.get(e.target)];
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = d / k;
      a.vx += dx / d * f * 2; a.vy += dy / d * f * 2; b.vx -= dx / d * f * 2; b.vy -= dy / d * f * 2;
    }
    for (const p of pos) {
      p.vx += (W / 2 - p.x) * 0.01; p.vy += (H / 2 - p.y) * 0.01;
      const v = Math.sqrt(p.vx * p.vx + p.vy * p.vy) + 0.01, step = Math.min(v, 20 * temp + 1);
      p.x += p.vx / v * step; p.y += p.vy / v * step; p.vx = 0; p.vy = 0;
    }
  }
  // Scaled into the drawing (a few far-flung actors must not push the rest into a corner).
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y), M = 40;
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const p of pos) {
    p.x = M + ((p.x - x0) / Math.max(1, x1 - x0)) * (W - 2 * M - 120);
    p.y = M + ((p.y - y0) / Math.max(1, y1 - y0)) * (H - 2 * M);
  }
  return { idx, pos };
}

/** Wheel zoom (around the pointer) and drag pan of an SVG's viewBox. */
function zoomable(s, W, H) {
  let vb = [0, 0, W, H], drag = null;
  const set = () => s.setAttribute('viewBox', vb.join(' '));
  s.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const r = s.getBoundingClientRect(), f = ev.deltaY > 0 ? 1.2 : 1 / 1.2;
    const px = vb[0] + ((ev.clientX - r.left) / r.width) * vb[2], py = vb[1] + ((ev.clientY - r.top) / r.height) * vb[3];
    vb = [px - (px - vb[0]) * f, py - (py - vb[1]) * f, vb[2] * f, vb[3] * f];
    set();
  }, { passive: false });
  s.addEventListener('pointerdown', (ev) => { if (ev.target.closest('.node')) return; drag = [ev.clientX, ev.clientY, vb[0], vb[1]]; s.setPointerCapture(ev.pointerId); s.classList.add('panning'); });
  s.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const r = s.getBoundingClientRect();
    vb[0] = drag[2] - ((ev.clientX - drag[0]) / r.width) * vb[2]; vb[1] = drag[3] - ((ev.clientY - drag[1]) / r.height) * vb[3];
    set();
  });
  s.addEventListener('pointerup', () => { drag = null; s.classList.remove('panning'); });
  set();
  return () => { vb = [0, 0, W, H]; set(); };
}

let shown = '';
export async function showNetwork(s) {
  top.value = s.top; out(top).textContent = s.top;
  minw.value = s.minw; out(minw).textContent = s.minw;
  const key = JSON.stringify([filters(s), s.top, s.minw]);
  if (key === shown) return;
  shown = key;
  box.replaceChildren(el('p', { class: 'info' }, 'loading…'));
  try {
    const net = await api('/api/network', { ...filters(s), top: s.top, min_weight: s.minw });
    if (key !== shown) return;
    draw(net, s);
  } catch (err) { box.replaceChildren(el('p', { class: 'info' }, 'error: ' + err.message)); }
}

function draw({ nodes, edges, actors, links }, s) {
  const W = Math.max(700, box.clientWidth || 1100), H = 640;
  const { idx, pos } = layout(nodes, edges, W, H);
  const g = svg('svg', { width: '100%', height: H, role: 'img', 'aria-label': 'actor network', class: 'network' });
  const defs = svg('defs', {});
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#555' }));
  defs.append(marker);
  g.append(defs);
  const radius = (n) => Math.min(22, 4 + 2 * Math.sqrt(n.events));
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  for (const e of edges) {
    const a = pos[idx.get(e.source)], b = pos[idx.get(e.target)];
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, rb = radius(nodes[idx.get(e.target)]) + 2;
    const l = svg('line', { x1: a.x, y1: a.y, x2: b.x - (dx / d) * rb, y2: b.y - (dy / d) * rb, stroke: color(e.type), 'stroke-width': 1 + 5 * (e.weight / maxW), 'stroke-opacity': 0.65, class: 'edge', 'marker-end': 'url(#arrow)' });
    l.append(svg('title', {}, `${nodes[idx.get(e.source)].name} → ${nodes[idx.get(e.target)].name}: ${e.type} × ${e.weight}`));
    g.append(l);
  }
  // Labels for the larger actors only, and none over another (all show on hover), so 150 actors
  // stay readable: the 30 largest in turn, each kept when its box is clear of those kept before.
  const labelled = new Set(), boxes = [];
  for (const n of [...nodes].sort((a, b) => b.events - a.events).slice(0, 30)) {
    const p = pos[idx.get(n.id)], r = radius(n);
    const b = [p.x + r + 2, p.y - 8, p.x + r + 2 + 6.5 * n.name.length, p.y + 5];
    if (boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3])) continue;
    boxes.push(b);
    labelled.add(n.id);
  }
  nodes.forEach((n, i) => {
    const node = svg('g', { class: 'node' + (n.id === s.actor ? ' selected' : ''), 'data-id': n.id, tabindex: 0 });
    node.append(svg('circle', { cx: pos[i].x, cy: pos[i].y, r: radius(n) }), svg('title', {}, `${n.name} (${n.id}): ${n.events} events; click to filter by this actor`));
    const label = svg('text', { x: pos[i].x + radius(n) + 2, y: pos[i].y + 4, class: labelled.has(n.id) ? 'label' : 'label minor' }, n.name);
    node.append(label);
    node.addEventListener('click', () => go({ actor: n.id === state.actor ? '' : n.id }));
    g.append(node);
  });
  const reset = zoomable(g, W, H);
  const types = [...new Set(edges.map((e) => e.type))];
  const note = `${num(nodes.length)} of ${num(actors)} actors (those with most events), ${num(edges.length)} of ${num(links)} typed links (links of at least ${s.minw} event${s.minw === '1' ? '' : 's'} among them). Wheel to zoom, drag to pan; click an actor to filter by it.`;
  box.replaceChildren(el('p', { class: 'info' }, note, ' ', el('button', { type: 'button', onclick: reset }, 'reset view')), g,
    el('div', { class: 'legend' }, el('span', {}, 'circle: an actor, sized by its events · line: actor → target, width by events, colour by type:')),
    typeLegend(types, (t) => go({ type: t })));
}
