// The timeline: events per day and type on a real time axis (days without events are gaps, not
// squeezed out), a y-axis of counts, and a brush: drag across it to set the date range every
// other view filters by. The timeline itself shows the whole range of the other filters.
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

/** The days holding the middle 98% of the events: a few stray dates years away would squeeze
 * the rest into one bar. */
function core(days) {
  const total = days.reduce((a, d) => a + d.count, 0);
  let seen = 0, first = null, last = null;
  for (const d of days) {
    seen += d.count;
    if (first === null && seen > total * 0.01) first = d.day;
    if (last === null && seen >= total * 0.99) last = d.day;
  }
  return [ms(first), ms(last) + DAY];
}

function draw(allDays, undated, [from, to], whole) {
  const W = Math.max(700, box.clientWidth || 1100), H = 300, L0 = 50, R0 = 20, T0 = 10, B0 = 40;
  const full = [ms(allDays[0].day), ms(allDays[allDays.length - 1].day) + DAY];
  const [clo, chi] = core(allDays);
  // Zoomed to the core when it is under a fifth of the whole span (the rest is told and a click away).
  const zoomed = !whole && (chi - clo) * 5 < full[1] - full[0];
  const [lo, hi] = zoomed ? [Math.max(full[0], clo - 7 * DAY), Math.min(full[1], chi + 7 * DAY)] : full;
  const days = allDays.filter((d) => ms(d.day) >= lo && ms(d.day) < hi);
  const outside = allDays.filter((d) => ms(d.day) < lo || ms(d.day) >= hi).reduce((a, d) => a + d.count, 0);
  const x = (t) => L0 + ((t - lo) / (hi - lo)) * (W - L0 - R0);
  const dayW = Math.max(1, (W - L0 - R0) / ((hi - lo) / DAY));
  const perDay = new Map();
  for (const d of days) perDay.set(d.day, (perDay.get(d.day) || 0) + d.count);
  const max = Math.max(...perDay.values());
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
  if (from || to) place(x(from ? ms(from) : lo), x(to ? ms(to) + DAY : hi));
  const overlay = svg('rect', { class: 'brush-area', x: L0, y: T0, width: W - L0 - R0, height: H - B0 - T0 });
  s.append(sel, overlay);
  const at = (ev) => { const r = s.getBoundingClientRect(); return Math.min(W - R0, Math.max(L0, ev.clientX - r.left)); };
  const dayAt = (px) => lo + Math.floor(((px - L0) / (W - L0 - R0)) * ((hi - lo) / DAY)) * DAY;
  let start = null;
  overlay.addEventListener('pointerdown', (ev) => { start = at(ev); overlay.setPointerCapture(ev.pointerId); place(start, start); });
  overlay.addEventListener('pointermove', (ev) => { if (start !== null) place(start, at(ev)); });
  overlay.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const end = at(ev), a = Math.min(start, end), b = Math.max(start, end);
    start = null;
    if (b - a < 3) { go({ from: '', to: '' }); return; }
    go({ from: toDay(dayAt(a)), to: toDay(Math.min(dayAt(b), hi - DAY)) });
  });
  const types = [...new Set(days.map((d) => d.type))];
  const total = [...perDay.values()].reduce((a, b) => a + b, 0);
  const note = `${num(total)} dated events of the filter on ${num(perDay.size)} days, ${toDay(lo)} to ${toDay(hi - DAY)}${undated ? `; ${num(undated)} undated not shown` : ''}. Drag across the chart to filter every view by those days; click it once to clear.`;
  const span = zoomed
    ? el('span', { class: 'outside' }, ` ${num(outside)} events on days from ${toDay(full[0])} to ${toDay(full[1] - DAY)} fall outside this chart. `, el('button', { type: 'button', onclick: () => go({ tspan: 'all' }) }, 'show the whole span'))
    : whole ? el('span', {}, ' ', el('button', { type: 'button', onclick: () => go({ tspan: '' }) }, 'show the busy days')) : '';
  box.replaceChildren(el('p', { class: 'info' }, note, span, from || to ? el('b', {}, ` Selected: ${from || '…'} to ${to || '…'}.`) : ''), s, typeLegend(types, (t) => go({ type: t })));
}
