// The timeline: events per day and type on a real time axis (days without events are gaps, not
// squeezed out), a y-axis of counts, and a brush: drag across it to set the date range every
// other view filters by. With dates chosen the axis spans them; without, the busy span (the
// shortest holding 95% of the dated events, a few stray dates years away left out and told).
import { el, svg, api, num, color, typeLegend } from './dom.js';
import { go, filters } from './state.js';

const box = document.getElementById('timeline');
const DAY = 86400000;
const toDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const ms = (d) => Date.parse(d + 'T00:00:00Z');

/** About `n` round steps between 0 and `max`. */
function ticks(max, n = 5) {
  const raw = max / n, p = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) || p;
  const out = [];
  for (let v = 0; v <= max; v += Math.max(1, step)) out.push(v);
  return out;
}

/** Tick days on the x axis: month starts, week starts or year starts, by the span. */
function dayTicks(lo, hi) {
  const span = (hi - lo) / DAY, out = [];
  const d = new Date(lo);
  if (span <= 70) { for (let t = lo; t <= hi; t += 7 * DAY) out.push([t, toDay(t)]); return out; }
  if (span <= 3 * 366) {
    let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const every = span > 400 ? 3 : 1;
    for (let i = 0; t <= hi; i++, t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1)) if (i % every === 0) out.push([t, toDay(t).slice(0, 7)]);
    return out;
  }
  const step = Math.ceil(span / 366 / 10);
  for (let y = d.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= hi; y += step) out.push([Date.UTC(y, 0, 1), String(y)]);
  return out;
}

let shown = '';
export async function showTimeline(s) {
  const f = filters(s);
  const range = [f.from, f.to];
  delete f.from; delete f.to;
  const key = JSON.stringify([f, range, s.tspan]);
  if (key === shown) return;
  shown = key;
  box.replaceChildren(el('p', { class: 'info' }, 'loading…'));
  try {
    const { days, undated } = await api('/api/timeline', f);
    if (key !== shown) return;
    if (!days.length) { box.replaceChildren(el('p', { class: 'info' }, `No dated event matches the filter${undated ? ` (${num(undated)} undated)` : ''}.`)); return; }
    draw(days, undated, range, s.tspan === 'all');
  } catch (err) { box.replaceChildren(el('p', { class: 'info' }, 'error: ' + err.message)); }
}

/** Share of the dated events the default span holds. */
const CORE = 0.95;

/** The busy span [lo, hi) in ms: the shortest run of days holding [`CORE`] of the events (a few
 * stray dates years away would squeeze the rest into one bar), widened to the days within a
 * quarter of its width (and a week) of it, so that quieter days next to it are kept. */
export function core(days) {
  const per = [];
  for (const d of days) {
    const t = ms(d.day);
    if (per.length && per[per.length - 1][0] === t) per[per.length - 1][1] += d.count; else per.push([t, d.count]);
  }
  const total = per.reduce((a, p) => a + p[1], 0), need = total * CORE;
  let best = [0, per.length - 1], sum = 0, i = 0;
  for (let j = 0; j < per.length; j++) {
    sum += per[j][1];
    while (i < j && sum - per[i][1] >= need) sum -= per[i++][1];
    if (sum >= need && per[j][0] - per[i][0] < per[best[1]][0] - per[best[0]][0]) best = [i, j];
  }
  let [a, b] = best;
  const pad = Math.max(7 * DAY, (per[b][0] - per[a][0]) / 4);
  while (a > 0 && per[a][0] - per[a - 1][0] <= pad) a--;
  while (b < per.length - 1 && per[b + 1][0] - per[b][0] <= pad) b++;
  return [per[a][0], per[b][0] + DAY];
}

function draw(allDays, undated, [from, to], whole) {
  const W = Math.max(700, box.clientWidth || 1100), H = 300, L0 = 50, R0 = 20, T0 = 10, B0 = 40;
  const full = [ms(allDays[0].day), ms(allDays[allDays.length - 1].day) + DAY];
  const [clo, chi] = core(allDays);
  // Chosen dates: the axis spans them. Else the busy span when events lie outside it (told, and
  // the whole span a click away).
  const selected = !!(from || to);
  const zoomed = !selected && !whole && (clo > full[0] || chi < full[1]);
  let [lo, hi] = selected ? [from ? ms(from) : full[0], to ? ms(to) + DAY : full[1]] : zoomed ? [clo, chi] : full;
  if (!(hi > lo)) hi = lo + DAY;
  const days = allDays.filter((d) => ms(d.day) >= lo && ms(d.day) < hi);
  const outside = allDays.filter((d) => ms(d.day) < lo || ms(d.day) >= hi).reduce((a, d) => a + d.count, 0);
  const x = (t) => L0 + ((t - lo) / (hi - lo)) * (W - L0 - R0);
  const dayW = Math.max(1, (W - L0 - R0) / ((hi - lo) / DAY));
  const perDay = new Map();
  for (const d of days) perDay.set(d.day, (perDay.get(d.day) || 0) + d.count);
  const max = Math.max(1, ...perDay.values());
  const yt = ticks(max);
  const top = Math.max(max, yt[yt.length - 1]);
  const y = (v) => H - B0 - (v / top) * (H - B0 - T0);
  const s = svg('svg', { width: W, height: H, role: 'img', 'aria-label': 'events per day by type', class: 'timeline' });
  for (const v of yt) {
    s.append(svg('line', { x1: L0, x2: W - R0, y1: y(v), y2: y(v), class: 'grid' }), svg('text', { x: L0 - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, num(v)));
  }
  s.append(svg('text', { x: 12, y: T0 + (H - B0) / 2, transform: `rotate(-90 12 ${T0 + (H - B0) / 2})`, 'text-anchor': 'middle', class: 'tick' }, 'events per day'));
  const stack = new Map();
  for (const d of days) {
    const below = stack.get(d.day) || 0;
    stack.set(d.day, below + d.count);
    const r = svg('rect', { x: x(ms(d.day)), y: y(below + d.count), width: Math.max(1, dayW - (dayW > 3 ? 1 : 0)), height: y(below) - y(below + d.count), fill: color(d.type), class: 'bar', 'data-day': d.day });
    r.append(svg('title', {}, `${d.day} ${d.type}: ${d.count}`));
    s.append(r);
  }
  s.append(svg('line', { x1: L0, x2: W - R0, y1: H - B0, y2: H - B0, class: 'axis' }), svg('line', { x1: L0, x2: L0, y1: T0, y2: H - B0, class: 'axis' }));
  for (const [t, label] of dayTicks(lo, hi).filter(([t]) => x(t) < W - R0 - 30)) {
    s.append(svg('line', { x1: x(t), x2: x(t), y1: H - B0, y2: H - B0 + 5, class: 'axis' }), svg('text', { x: x(t), y: H - B0 + 18, 'text-anchor': 'middle', class: 'tick' }, label));
  }
  // The brush: the selected range (from the URL), and a drag that sets a new one.
  const sel = svg('rect', { class: 'brush', y: T0, height: H - B0 - T0, x: 0, width: 0, visibility: 'hidden' });
  const place = (a, b) => { sel.setAttribute('x', Math.min(a, b)); sel.setAttribute('width', Math.abs(b - a)); sel.setAttribute('visibility', 'visible'); };
  const overlay = svg('rect', { class: 'brush-area', x: L0, y: T0, width: W - L0 - R0, height: H - B0 - T0 });
  s.append(sel, overlay);
  const at = (ev) => { const r = s.getBoundingClientRect(); return Math.min(W - R0, Math.max(L0, ev.clientX - r.left)); };
  // The day under a pixel; within half a day (or 6 px) of an edge, the edge's day: a brush that
  // ends near the edge keeps the last days.
  const nDays = Math.round((hi - lo) / DAY), edge = Math.max(6, dayW / 2);
  const dayAt = (px) => px >= W - R0 - edge ? hi - DAY : px <= L0 + edge ? lo : lo + Math.min(nDays - 1, Math.floor(((px - L0) / (W - L0 - R0)) * nDays)) * DAY;
  let start = null;
  overlay.addEventListener('pointerdown', (ev) => { start = at(ev); overlay.setPointerCapture(ev.pointerId); place(start, start); });
  overlay.addEventListener('pointermove', (ev) => { if (start !== null) place(start, at(ev)); });
  overlay.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const end = at(ev), a = Math.min(start, end), b = Math.max(start, end);
    start = null;
    if (b - a < 3) { go({ from: '', to: '' }); return; }
    go({ from: toDay(dayAt(a)), to: toDay(dayAt(b)) });
  });
  const types = [...new Set(days.map((d) => d.type))];
  const total = [...perDay.values()].reduce((a, b) => a + b, 0);
  const note = `${num(total)} dated events of the filter on ${num(perDay.size)} days, ${toDay(lo)} to ${toDay(hi - DAY)}${undated ? `; ${num(undated)} undated not shown` : ''}. Drag across the chart to filter every view by those days; click it once to clear.`;
  const before = allDays.filter((d) => ms(d.day) < lo), after = allDays.filter((d) => ms(d.day) >= hi);
  const sum = (ds) => ds.reduce((a, d) => a + d.count, 0);
  const where = [before.length ? `${num(sum(before))} from ${before[0].day} to ${before[before.length - 1].day}` : '', after.length ? `${num(sum(after))} from ${after[0].day} to ${after[after.length - 1].day}` : ''].filter(Boolean).join(', ');
  const span = selected
    ? el('span', { class: 'outside' }, el('b', {}, ` Selected: ${from || '…'} to ${to || '…'}.`), outside ? ` ${num(outside)} dated events of the other filters lie outside it (${where}). ` : ' ', el('button', { type: 'button', onclick: () => go({ from: '', to: '' }) }, 'clear the dates'))
    : zoomed ? el('span', { class: 'outside' }, ` ${num(outside)} events lie outside this span (${where}). `, el('button', { type: 'button', onclick: () => go({ tspan: 'all' }) }, 'show all dates'))
      : whole ? el('span', {}, ' ', el('button', { type: 'button', onclick: () => go({ tspan: '' }) }, 'show the busy span')) : '';
  s.dataset.lo = toDay(lo);
  s.dataset.hi = toDay(hi - DAY);
  box.replaceChildren(el('p', { class: 'info' }, note, span), s, typeLegend(types, (t) => go({ type: t })));
}
