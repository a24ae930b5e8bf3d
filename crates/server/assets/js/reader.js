// The document reader: the article with every extracted value highlighted (a legend gives the
// colours; hovering shows the English name), the events read from it, links to the document and
// to each event, the source URL as a link (http and https only).
import { el, api, iso, line, cps, breakable, clip, safeLink, dirOf } from './dom.js';
import { facet } from './filters.js';

const LEGEND = [['PER', 'person'], ['ORG', 'organization'], ['LOC', 'place'], ['MISC', 'other name'], ['quantity', 'number'], ['time', 'date or time'], ['trigger', 'event word (underlined)']];
document.getElementById('doc-legend').replaceChildren(el('span', {}, 'Highlights: '), ...LEGEND.map(([cls, label]) => el('span', { class: `s ${cls} key` }, label)));

function focusSpan(start, end) {
  document.querySelectorAll('#doc-text .focus').forEach((x) => x.classList.remove('focus'));
  let first = null;
  document.querySelectorAll('#doc-text .s').forEach((x) => {
    const a = Number(x.dataset.start), b = Number(x.dataset.end);
    if (a < end && b > start) { x.classList.add('focus'); first = first || x; }
  });
  if (first) first.scrollIntoView({ block: 'center' });
}

let shown = '';
export async function showDoc(s) {
  if (!s.doc) return;
  const key = s.doc + '|' + s.event;
  if (key === shown) return;
  const sameDoc = shown.split('|')[0] === s.doc;
  shown = key;
  if (!sameDoc) await load(s.doc);
  if (s.event) {
    const li = document.querySelector(`#doc-events [data-event="${CSS.escape(s.event)}"]`);
    document.querySelectorAll('#doc-events li.current').forEach((x) => x.classList.remove('current'));
    if (li) { li.classList.add('current'); li.scrollIntoView({ block: 'nearest' }); focusSpan(Number(li.dataset.start), Number(li.dataset.end)); }
  }
}

async function load(id) {
  const title = document.getElementById('doc-title');
  title.replaceChildren('loading…');
  let d;
  try { d = await api('/api/documents/' + encodeURIComponent(id)); } catch (e) { title.replaceChildren('error: ' + e.message); return; }
  // The title's direction comes from its own first strong letter: "07_accusation.txt" stays in order.
  title.replaceChildren(el('bdi', { dir: 'auto' }, d.title || d.source));
  title.setAttribute('dir', dirOf(d.title || d.source));
  const meta = [d.outlet ? facet('outlet', d.outlet, d.outlet) : '—', d.published || 'undated', d.url ? safeLink(d.url) : iso(d.source)];
  if (d.duplicates.length) meta.push(`${d.duplicates.length} near-duplicate(s)`);
  meta.push(el('a', { href: `?view=doc&doc=${encodeURIComponent(d.id)}`, class: 'permalink' }, 'link to this document'));
  document.getElementById('doc-meta').replaceChildren(...line('info', ...meta).childNodes);
  const chars = cps(d.text);
  // Every span gets a number; each character knows the spans over it; runs of equal sets become one element.
  const spans = [];
  const add = (sp, cls, info) => { if (sp && sp.end > sp.start && sp.end <= chars.length) spans.push({ start: sp.start, end: sp.end, cls, info }); };
  const rec = d.record;
  for (const e of rec.entities) add(e, e.label, `${e.label}: ${e.text}${e.name ? ' = ' + e.name : ''}${e.id ? ' [' + e.id + ']' : ''}`);
  for (const q of rec.quantities) add(q, 'quantity', `quantity: ${q.value}${q.unit ? ' ' + q.unit : ''} (${q.bound}${q.approx ? ', about' : ''})`);
  // A Hijri year or month has no single Gregorian value, only its first and last day.
  const when = (t) => t.value || (t.start_date ? `${t.start_date} … ${t.end_date}` : 'unresolved');
  for (const t of rec.times) add(t, 'time', `time: ${when(t)} (${t.precision || (t.start_date ? 'span' : '—')})`);
  rec.events.forEach((e) => {
    add(e.trigger, 'trigger', `${e.type} trigger: ${e.trigger.text}`);
    for (const a of [...e.actors, ...e.targets, ...e.places, e.source, e.date, e.quantity]) if (a) add(a, 'arg-span', `${e.type} argument: ${a.text}${a.name ? ' = ' + a.name : ''}`);
  });
  const cover = chars.map(() => []);
  spans.forEach((sp, i) => { for (let c = sp.start; c < sp.end; c++) cover[c].push(i); });
  const text = document.getElementById('doc-text');
  text.replaceChildren();
  let c = 0;
  while (c < chars.length) {
    const k = cover[c].join(',');
    let e = c + 1;
    while (e < chars.length && cover[e].join(',') === k) e++;
    const piece = chars.slice(c, e).join('');
    if (!cover[c].length) text.append(...breakable(piece));
    else {
      const ids = cover[c];
      const info = ids.map((i) => spans[i].info).join(' · ');
      text.append(el('span', { class: 's ' + ids.map((i) => spans[i].cls).join(' '), 'data-start': c, 'data-end': e, title: info,
        onclick: () => { document.getElementById('doc-selected').textContent = info; } }, ...breakable(piece)));
    }
    c = e;
  }
  const list = document.getElementById('doc-events');
  list.replaceChildren();
  rec.events.forEach((ev, n) => {
    const eventId = `${d.id}-${n}`;
    const li = el('li', { 'data-event': eventId, 'data-start': ev.trigger.start, 'data-end': ev.trigger.end },
      el('span', { class: 'ev-type' }, ev.type + (ev.mode ? ` (${ev.mode})` : '')), ' ', ev.status !== 'reported' ? `[${ev.status}] ` : '',
      el('a', { href: `?view=doc&doc=${encodeURIComponent(d.id)}&event=${encodeURIComponent(eventId)}`, class: 'permalink' }, 'link'));
    const arg = (label, a) => {
      if (!a) return;
      li.append(el('br'), `${label}: `, el('span', { class: 'arg', lang: 'ar', title: a.name || null, onclick: () => focusSpan(a.start, a.end) }, a.text), a.name ? ' = ' : '', a.name ? iso(a.name) : '');
    };
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
  contested(d.id, list);
  if (!rec.events.length) list.append(el('li', { class: 'info' }, 'No event was read from this document.'));
}

/** Beside each event whose story has figures from two sources or more, who gave which number and
 * the range (contested figures: ACLED keeps one number, GDELT none). */
async function contested(id, list) {
  let got;
  try { got = await api('/api/documents/' + encodeURIComponent(id) + '/figures'); } catch (e) { return; }
  for (const [idx, story] of Object.entries(got.events || {})) {
    const li = list.querySelector(`li[data-event="${CSS.escape(id + '-' + idx)}"]`);
    if (!li) continue;
    const box = el('div', { class: 'figures' });
    for (const r of story.ranges) {
      const span = r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
      box.append(el('div', { class: 'figure-range' + (r.sources_disagree ? ' disagree' : '') },
        `Across outlets (story ${story.story}): ${r.kind} ${span} from ${r.sources} sources`, r.sources_disagree ? ' — sources disagree' : ''));
    }
    const ul = el('ul', { class: 'figure-list' });
    for (const f of story.figures) {
      // The span is "text@start-end" in the reporting document; the text is what the reader needs.
      const said = String(f.span).replace(/@\d+-\d+$/, '');
      ul.append(el('li', {}, `${f.kind} ${f.value}${f.approx ? ' (about)' : ''}: `, el('bdi', { lang: 'ar', dir: 'rtl' }, said), ' — ',
        iso(f.source), `${f.outlet ? ', ' + f.outlet : ''}${f.published ? ', ' + f.published : ''}`));
    }
    box.append(el('details', {}, el('summary', {}, `${story.figures.length} figures with their sources`), ul));
    li.append(box);
  }
}

/** Opens a document (for tests and the console). */
export { focusSpan };
