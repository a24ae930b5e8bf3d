// The analyst's desk on a store of real articles, in headless Chromium: autocomplete filters,
// click-to-filter, pagination with counts, every view in the URL (reload, back, shared links),
// export downloads, the map's legend and precision styling, the timeline's brush, the network at
// 150 actors and its node click, the reader, and an empty store.
//   node tests/e2e/desk.mjs http://127.0.0.1:PORT/ http://127.0.0.1:PORT2/ (empty store) [screenshot-dir]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [base, emptyBase, shots] = process.argv.slice(2);
const started = Date.now();
const fail = (msg) => { console.error('FAIL: ' + msg); process.exit(1); };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 950 }, acceptDownloads: true });
const page = await context.newPage();
const problems = [];
// The browser logs every 400 it is answered; the step that sends bad values on purpose allows them.
let allow400 = false;
page.on('console', (m) => { if (m.type() === 'error' && !(allow400 && /status of 400/.test(m.text()))) problems.push('console error: ' + m.text()); });
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
const step = async (name, fn) => {
  const t = Date.now();
  try { await fn(); console.log(`ok: ${name} (${Date.now() - t} ms)`); } catch (e) { if (shots) await page.screenshot({ path: `${shots}/failed.png` }); await browser.close(); fail(`${name}: ${e.message}`); }
};
const shot = async (name) => { if (shots) await page.screenshot({ path: `${shots}/${name}.png` }); };
const param = (k) => new URL(page.url()).searchParams.get(k);
const T = { timeout: 15000 };
// "1–50 of 1,234 events" → [1, 50, 1234]
const range = async (sel) => {
  const t = await page.textContent(sel);
  const m = t.match(/([\d,]+)–([\d,]+) of ([\d,]+)/);
  if (!m) throw new Error(`no range in ${sel}: ${t}`);
  return m.slice(1).map((x) => Number(x.replace(/,/g, '')));
};
const eventsLoaded = (before) => page.waitForFunction((b) => {
  const t = document.querySelector('#events-info').textContent;
  return /of [\d,]+ (current )?events|No event/.test(t) && t !== b;
}, before, T);

let total = 0;
await step('the events view opens on a store of 300+ articles with the total and a first page', async () => {
  await page.goto(base);
  await page.waitForFunction(() => /documents/.test(document.querySelector('#stats').textContent), null, T);
  const docs = Number((await page.textContent('#stats')).split(' ')[0].replace(/,/g, ''));
  if (docs < 300) throw new Error(`${docs} documents`);
  await eventsLoaded('');
  const [a, b, n] = await range('#events-info');
  if (a !== 1 || b !== 50 || n <= 100) throw new Error(`range ${a}-${b} of ${n}`);
  total = n;
  if (await page.$$eval('#events-table tbody tr', (r) => r.length) !== 50) throw new Error('not 50 rows');
  await shot('desk-events');
});

await step('pagination: next page, counts, the page in the URL', async () => {
  const first = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => r.dataset.event));
  const before = await page.textContent('#events-info');
  await page.click('#events-pager button[rel=next]');
  await eventsLoaded(before);
  const [a, b, n] = await range('#events-info');
  if (a !== 51 || b !== 100 || n !== total) throw new Error(`page 2 shows ${a}-${b} of ${n}`);
  if (param('page') !== '2') throw new Error('page not in URL: ' + page.url());
  const second = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => r.dataset.event));
  if (second.some((id) => first.includes(id))) throw new Error('page 2 repeats page 1');
  if (!/page 2 of/.test(await page.textContent('#events-pager'))) throw new Error('no "page 2 of"');
});

await step('autocomplete: an Arabic and an English prefix find actors; choosing one filters every view', async () => {
  await page.fill('#filters input[name=actor]', 'روس');
  await page.waitForSelector('#suggest-actor.open li[data-id]', T);
  const ar = await page.$$eval('#suggest-actor li b', (xs) => xs.map((x) => x.textContent));
  if (!ar.some((n) => /Russia/.test(n))) throw new Error('روس suggests ' + ar.join(', '));
  await page.fill('#filters input[name=actor]', 'saudi');
  await page.waitForFunction(() => [...document.querySelectorAll('#suggest-actor li b')].some((b) => /Saudi/.test(b.textContent)), null, T);
  await shot('desk-autocomplete');
  const id = await page.$eval('#suggest-actor li[data-id]', (li) => li.dataset.id);
  const before = await page.textContent('#events-info');
  await page.click('#suggest-actor li[data-id]');
  await eventsLoaded(before);
  if (param('actor') !== id) throw new Error(`actor ${param('actor')} not ${id}`);
  if (param('page')) throw new Error('a new filter should go back to page 1');
  const [, , n] = await range('#events-info');
  if (!(n > 0 && n < total)) throw new Error(`actor filter gives ${n} of ${total}`);
  const api = await (await page.request.get(`${base}api/events?actor=${id}&limit=1`)).json();
  if (api.total !== n) throw new Error(`table says ${n}, API ${api.total}`);
  if (!(await page.textContent('#chips')).includes('actor')) throw new Error('no actor chip');
  await page.fill('#filters input[name=place]', 'Idl');
  await page.waitForFunction(() => [...document.querySelectorAll('#suggest-place li b')].some((b) => /Idl/.test(b.textContent)), null, T);
  await page.press('#filters input[name=place]', 'Escape');
  await page.click('#clear-filters');
  await page.waitForFunction((t) => document.querySelector('#events-info').textContent.includes(`of ${t.toLocaleString('en-US')} current events`), total, T);
});

await step('clicking a place, a type and an outlet in the table filters by it', async () => {
  for (const key of ['place', 'type', 'outlet']) {
    const before = await page.textContent('#events-info');
    const btn = await page.$(`#events-table .facet[data-filter=${key}]`);
    const value = await btn.getAttribute('data-value');
    await btn.click();
    await eventsLoaded(before);
    if (param(key) !== value) throw new Error(`${key}: URL has ${param(key)}, clicked ${value}`);
    const [, , n] = await range('#events-info');
    if (!(n > 0 && n <= total)) throw new Error(`${key} gives ${n}`);
    await page.click(`#chips .chip[data-filter=${key}] button`);
    await page.waitForFunction((t) => document.querySelector('#events-info').textContent.includes(`of ${t.toLocaleString('en-US')} current events`), total, T);
  }
});

await step('URL round trip: reload keeps filters and page; back and forward walk them; a shared link opens an event', async () => {
  await page.selectOption('#filters select[name=type]', 'ASSAULT');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'ASSAULT');
  await eventsLoaded('');
  const [, , n] = await range('#events-info');
  const before = await page.textContent('#events-info');
  await page.click('#events-pager button[rel=next]');
  await eventsLoaded(before);
  const url = page.url();
  const rows = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => r.dataset.event));
  await page.reload();
  await eventsLoaded('');
  if (page.url() !== url) throw new Error('reload changed the URL');
  if (await page.inputValue('#filters select[name=type]') !== 'ASSAULT') throw new Error('type lost on reload');
  const again = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => r.dataset.event));
  if (again.join() !== rows.join()) throw new Error('reload shows other rows');
  if (!(await page.$$eval('#events-table tbody tr', (rs) => rs.every((r) => r.dataset.type === 'ASSAULT')))) throw new Error('not all ASSAULT');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('page'), null, T);
  await page.waitForFunction((n) => document.querySelector('#events-info').textContent.startsWith('1–') && document.querySelector('#events-info').textContent.includes(`of ${n.toLocaleString('en-US')}`), n, T);
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('type'), null, T);
  await page.waitForFunction((t) => document.querySelector('#events-info').textContent.includes(`of ${t.toLocaleString('en-US')} current events`), total, T);
  if (await page.inputValue('#filters select[name=type]') !== '') throw new Error('type kept after back');
  await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'ASSAULT', null, T);
  // A shared link to one event of one document.
  const ev = rows[0];
  const doc = ev.replace(/-\d+$/, '');
  const other = await context.newPage();
  await other.goto(`${base}?view=doc&doc=${doc}&event=${ev}`);
  await other.waitForSelector(`#doc-events li.current[data-event="${ev}"]`, T);
  if (!(await other.$('#view-doc.active #doc-text .s.focus'))) throw new Error('the event is not highlighted');
  await other.close();
  await page.click('#clear-filters');
});

await step('search pages with counts, in the URL', async () => {
  await page.click('nav button[data-view=search]');
  await page.fill('#q', 'سوريا');
  await page.click('#search-form button[type=submit]');
  await page.waitForFunction(() => /of [\d,]+ documents/.test(document.querySelector('#search-info').textContent), null, T);
  const [a, b, n] = await range('#search-info');
  if (a !== 1 || b !== 20 || n <= 20) throw new Error(`search ${a}-${b} of ${n}`);
  const first = await page.$$eval('#hits .hit-title', (xs) => xs.map((x) => x.getAttribute('href')));
  await page.click('#search-pager button[rel=next]');
  await page.waitForFunction(() => document.querySelector('#search-info').textContent.startsWith('21–'), null, T);
  if (param('q') !== 'سوريا' || param('spage') !== '2') throw new Error('search not in URL: ' + page.url());
  const second = await page.$$eval('#hits .hit-title', (xs) => xs.map((x) => x.getAttribute('href')));
  if (second.some((h) => first.includes(h))) throw new Error('search page 2 repeats page 1');
  await shot('desk-search');
});

await step('export downloads the current filter as CSV, GeoJSON and JSON Lines', async () => {
  await page.goto(`${base}?view=events&type=ASSAULT`);
  await eventsLoaded('');
  const [, , n] = await range('#events-info');
  const [download] = await Promise.all([page.waitForEvent('download', T), page.click('#export a[data-format=csv]')]);
  if (download.suggestedFilename() !== 'rasad-events.csv') throw new Error(download.suggestedFilename());
  const csv = readFileSync(await download.path(), 'utf8');
  const header = csv.split('\n')[0].split(',');
  for (const col of ['event_id', 'event_date', 'event_type', 'actor1', 'latitude', 'notes']) if (!header.includes(col)) throw new Error(`CSV lacks ${col}`);
  // Rows: records start with a document id and event number ("0123abcd…-3,").
  const rows = csv.split('\n').filter((l) => /^[0-9a-f]{16,}-\d+,/.test(l));
  if (rows.length !== n) throw new Error(`CSV has ${rows.length} rows, the filter ${n}`);
  if (!rows.every((r) => r.includes(',ASSAULT,'))) throw new Error('CSV rows of other types');
  const hrefs = await page.$$eval('#export a', (as) => Object.fromEntries(as.map((a) => [a.dataset.format, a.href])));
  const jsonl = (await (await page.request.get(hrefs.jsonl)).text()).trim().split('\n').map((l) => JSON.parse(l));
  if (jsonl.length !== n || jsonl.some((r) => r.event_type !== 'ASSAULT')) throw new Error(`JSONL ${jsonl.length} rows`);
  const geo = await (await page.request.get(hrefs.geojson)).json();
  const located = jsonl.filter((r) => r.latitude !== null && r.latitude !== undefined).length;
  if (geo.type !== 'FeatureCollection' || geo.features.length !== located) throw new Error(`GeoJSON ${geo.features.length} of ${located}`);
  console.log(`   export of ${n} ASSAULT events: CSV ${csv.length} bytes, ${located} located features`);
});

await step('the map: a legend by type, towns as dots, governorates as dashed areas, a count of what is shown', async () => {
  await page.goto(`${base}?view=map`);
  await page.waitForFunction(() => /located events/.test(document.querySelector('#map-info').textContent), null, T);
  const r = await page.evaluate(() => ({
    legend: [...document.querySelectorAll('.map-legend .legend-item')].map((x) => x.dataset.type),
    prec: document.querySelectorAll('.map-legend .prec').length,
    exact: document.querySelectorAll('path.pt-exact').length,
    admin: [...document.querySelectorAll('path.pt-admin')].map((p) => p.getAttribute('stroke-dasharray')),
    country: document.querySelectorAll('path.pt-country').length,
    info: document.querySelector('#map-info').textContent,
  }));
  if (r.legend.length < 3 || r.prec !== 3) throw new Error('legend: ' + JSON.stringify(r));
  if (!r.exact || !r.admin.length || r.admin.some((d) => !d)) throw new Error('precision styling: ' + JSON.stringify(r));
  const m = r.info.match(/All ([\d,]+) located events/);
  const api = await (await page.request.get(`${base}api/map`)).json();
  if (!m || Number(m[1].replace(/,/g, '')) !== api.located || api.located + api.unlocated !== total) throw new Error(`map info ${r.info} vs ${JSON.stringify([api.located, api.unlocated, total])}`);
  console.log(`   map: ${r.exact} town dots, ${r.admin.length} areas, ${r.country} countries; ${r.info}`);
  await shot('desk-map');
  const before = await page.textContent('#map-info');
  await page.click('.map-legend .legend-item[data-type=ASSAULT]');
  await page.waitForFunction((b) => document.querySelector('#map-info').textContent !== b && /located/.test(document.querySelector('#map-info').textContent), before, T);
  if (param('type') !== 'ASSAULT') throw new Error('legend click did not filter');
});

await step('the timeline: a time axis with a y-axis; a brush sets the dates every view filters by, and the axis then spans them', async () => {
  await page.goto(`${base}?view=timeline`);
  await page.waitForSelector('#timeline rect.bar', T);
  const ticks = await page.$$eval('#timeline text.tick', (t) => t.length);
  if (ticks < 4) throw new Error(`${ticks} ticks`);
  // The default span holds most dated events; what lies outside it is told, all a click away.
  const days = (await (await page.request.get(`${base}api/timeline`)).json()).days;
  const dated = days.reduce((a, d) => a + d.count, 0);
  const [lo, hi] = await page.$eval('#timeline svg', (v) => [v.dataset.lo, v.dataset.hi]);
  const inside = days.filter((d) => d.day >= lo && d.day <= hi).reduce((a, d) => a + d.count, 0);
  if (inside < 0.95 * dated) throw new Error(`the span ${lo}–${hi} holds ${inside} of ${dated}`);
  if (inside < dated && !/lie outside this span/.test(await page.textContent('#timeline .info'))) throw new Error('events outside the span untold');
  console.log(`   timeline span ${lo} to ${hi}: ${inside} of ${dated} dated events`);
  await shot('desk-timeline');
  const box = await (await page.$('#timeline rect.brush-area')).boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from'), null, T);
  const from = param('from'), to = param('to');
  if (!(from < to)) throw new Error(`from ${from} to ${to}`);
  // The axis now spans the selection.
  await page.waitForFunction((f) => document.querySelector('#timeline svg')?.dataset.lo === f, from, T);
  if (await page.$eval('#timeline svg', (v) => v.dataset.hi) !== to) throw new Error('the axis does not end at ' + to);
  if (!(await page.textContent('#timeline .info')).includes(`Selected: ${from} to ${to}`)) throw new Error('no selection told');
  await shot('desk-timeline-brush');
  // A brush to the right edge keeps the last day.
  const b2 = await (await page.$('#timeline rect.brush-area')).boundingBox();
  await page.mouse.move(b2.x + b2.width * 0.5, b2.y + b2.height / 2);
  await page.mouse.down();
  await page.mouse.move(b2.x + b2.width - 2, b2.y + b2.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((f) => new URL(location.href).searchParams.get('from') !== f, from, T);
  if (param('to') !== to) throw new Error(`a brush to the edge ends at ${param('to')}, not ${to}`);
  await page.goBack();
  await page.waitForFunction((f) => new URL(location.href).searchParams.get('from') === f, from, T);
  await page.click('nav button[data-view=events]');
  await eventsLoaded('');
  const [, , n] = await range('#events-info');
  const api = await (await page.request.get(`${base}api/events?from=${from}&to=${to}&limit=1`)).json();
  if (!(n < total && n === api.total)) throw new Error(`brushed ${n} of ${total} (API ${api.total})`);
  await page.click('nav button[data-view=map]');
  await page.waitForFunction(() => /located events/.test(document.querySelector('#map-info').textContent), null, T);
  const m = (await page.textContent('#map-info')).match(/All ([\d,]+) located/);
  if (Number(m[1].replace(/,/g, '')) > n) throw new Error('the map ignores the brush');
});

await step('the network at top=150 (every linked actor of this store, up to 150): at most 30 labels, links filtered by weight, zoom, a node click filters', async () => {
  await page.goto(`${base}?view=network&top=150`);
  await page.waitForSelector('#network g.node', T);
  const r = await page.evaluate(() => ({ nodes: document.querySelectorAll('#network g.node').length, labels: [...document.querySelectorAll('#network text.label')].filter((t) => getComputedStyle(t).display !== 'none').length, info: document.querySelector('#network .info').textContent }));
  const api = await (await page.request.get(`${base}api/network?top=150`)).json();
  if (r.nodes !== Math.min(150, api.actors) || r.nodes < 100) throw new Error('nodes: ' + JSON.stringify(r) + ' of ' + api.actors);
  if (r.labels > 30) throw new Error(`${r.labels} labels shown at once`);
  await shot('desk-network');
  await page.goto(`${base}?view=network&top=150&minw=3`);
  await page.waitForSelector('#network g.node', T);
  const heavy = await page.$$eval('#network line.edge', (l) => l.length);
  const all = await (await page.request.get(`${base}api/network?top=150&min_weight=3`)).json();
  if (heavy !== all.edges.length || all.edges.some((e) => e.weight < 3)) throw new Error(`min weight: ${heavy} lines`);
  const box = await (await page.$('#network svg')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  const vb = await page.$eval('#network svg', (s) => s.getAttribute('viewBox'));
  if (vb.startsWith('0 0 ')) throw new Error('no zoom: ' + vb);
  await page.click('#network button');
  const id = await page.$eval('#network g.node', (g) => g.dataset.id);
  await page.dispatchEvent(`#network g.node[data-id="${id}"]`, 'click');
  await page.waitForFunction((i) => new URL(location.href).searchParams.get('actor') === i, id, T);
  await page.waitForSelector(`#network g.node.selected[data-id="${id}"]`, T);
  await page.click('nav button[data-view=events]');
  await eventsLoaded('');
  const [, , n] = await range('#events-info');
  const byApi = await (await page.request.get(`${base}api/events?actor=${id}&limit=1`)).json();
  if (n !== byApi.total || !(await page.textContent('#chips')).includes('actor')) throw new Error(`node click: ${n} vs ${byApi.total}`);
});

await step('the search honours the status and relevance chips; the header and the list say what they count', async () => {
  const stats = await page.textContent('#stats');
  if (!/events in all \([\d,]+ current\)/.test(stats)) throw new Error('header: ' + stats);
  await page.goto(`${base}?view=search`);
  await page.waitForFunction(() => /of [\d,]+ documents/.test(document.querySelector('#search-info').textContent), null, T);
  const [, , all] = await range('#search-info');
  for (const [k, v] of [['status', 'claimed'], ['relevance', '0.95']]) {
    await page.selectOption(`#filters select[name=${k}]`, v);
    await page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [k, v], T);
    await page.waitForFunction(() => /of [\d,]+ documents|No document/.test(document.querySelector('#search-info').textContent), null, T);
    const api = await (await page.request.get(`${base}api/search?${k}=${v}&limit=1`)).json();
    const t = await page.textContent('#search-info');
    const n = /No document/.test(t) ? 0 : (await range('#search-info'))[2];
    if (n !== api.total || !(n < all)) throw new Error(`${k}=${v}: ${n} documents (API ${api.total}) of ${all}`);
    console.log(`   search ${k}=${v}: ${n} of ${all} documents`);
    await page.click(`#chips .chip[data-filter=${k}] button`);
    await page.waitForFunction((a) => document.querySelector('#search-info').textContent.includes(`of ${a.toLocaleString('en-US')} documents`), all, T);
  }
  // The suggestions count current events, as the list does.
  await page.goto(`${base}?view=events`);
  await page.fill('#filters input[name=actor]', 'saudi');
  await page.waitForSelector('#suggest-actor.open li[data-id]', T);
  const li = await page.$eval('#suggest-actor li[data-id]', (l) => [l.dataset.id, l.querySelector('small').textContent]);
  const listed = (await (await page.request.get(`${base}api/events?actor=${li[0]}&limit=1`)).json()).total;
  if (li[1] !== `${listed} current events`) throw new Error(`suggestion says ${li[1]}, the list ${listed}`);
  await page.press('#filters input[name=actor]', 'Escape');
});

await step('pages past the end show the last, with a note; a page that is no number shows the first', async () => {
  await page.goto(`${base}?view=events&type=ASSAULT&page=9999`);
  await page.waitForFunction(() => /showing/.test(document.querySelector('#events-info').textContent), null, T);
  const api = await (await page.request.get(`${base}api/events?type=ASSAULT&limit=1`)).json();
  const last = Math.ceil(api.total / 50);
  if (param('page') !== String(last)) throw new Error(`page ${param('page')}, not ${last}`);
  if (!(await page.textContent('#events-info')).includes(`There is no page 9,999: there are ${last}`)) throw new Error(await page.textContent('#events-info'));
  await page.goto(`${base}?view=events&page=2.5`);
  await page.waitForFunction(() => /not a page number/.test(document.querySelector('#events-info').textContent), null, T);
  if (param('page')) throw new Error('page ' + param('page'));
  await page.goto(`${base}?view=search&spage=1e3`);
  await page.waitForFunction(() => /not a page number/.test(document.querySelector('#search-info').textContent), null, T);
  await page.goto(`${base}?view=search&spage=40&type=ASSAULT`);
  await page.waitForFunction(() => /There is no page 40/.test(document.querySelector('#search-info').textContent), null, T);
});

await step('the actor and place boxes show the active filter after typing without choosing and after back', async () => {
  await page.goto(`${base}?view=events`);
  await eventsLoaded('');
  await page.fill('#filters input[name=place]', 'Idl');
  await page.waitForSelector('#suggest-place li[data-id]', T);
  const [id, name] = await page.$eval('#suggest-place li[data-id]', (li) => [li.dataset.id, li.querySelector('b').textContent]);
  await page.click('#suggest-place li[data-id]');
  await page.waitForFunction((i) => new URL(location.href).searchParams.get('place') === i, id, T);
  await page.fill('#filters input[name=place]', 'zzz typed');
  await page.click('#events-info');
  await page.waitForFunction((n) => document.querySelector('#filters input[name=place]').value === n, name, T);
  await page.focus('#filters input[name=place]');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('place'), null, T);
  await page.waitForFunction(() => document.querySelector('#filters input[name=place]').value === '', null, T);
});

await step('bad values: a date not in the calendar gets no chip but a warning, an unknown type a message; background=true and an outlet in capitals work', async () => {
  allow400 = true;
  await page.goto(`${base}?view=events&from=2015-02-30`);
  await page.waitForFunction(() => /error: from=2015-02-30 is not a date/.test(document.querySelector('#events-info').textContent), null, T);
  if (await page.$('#chips .chip[data-filter=from]')) throw new Error('a chip for an invalid date');
  if (!(await page.$('#chips .bad-filter[data-filter=from]'))) throw new Error('no warning for the invalid date');
  await page.goto(`${base}?view=events&type=BOMBING`);
  await page.waitForFunction(() => /error: unknown type/.test(document.querySelector('#events-info').textContent), null, T);
  allow400 = false;
  await page.goto(`${base}?view=events&background=true`);
  await eventsLoaded('');
  if (!(await page.isChecked('#filters input[name=background]')) || /deserialize/i.test(await page.textContent('main'))) throw new Error('background=true');
  const outlet = (await (await page.request.get(`${base}api/outlets`)).json()).outlets[0].name;
  if (await page.$$eval('#outlet-list option', (o) => o.length) < 2) throw new Error('no outlet completion');
  const lower = (await (await page.request.get(`${base}api/events?outlet=${encodeURIComponent(outlet)}&limit=1`)).json()).total;
  const upper = (await (await page.request.get(`${base}api/events?outlet=${encodeURIComponent(outlet.toUpperCase())}&limit=1`)).json()).total;
  if (!(lower > 0 && lower === upper)) throw new Error(`outlet ${outlet}: ${lower}, in capitals ${upper}`);
});

await step('the 16 type colours are far apart (CIELAB ΔE ≥ 25 for every pair)', async () => {
  const r = await page.evaluate(async () => {
    const { TYPES, color } = await import('/assets/js/dom.js');
    const lab = (h) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      const f = (v) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116);
      const [x, y, z] = [(r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047, r * 0.2126 + g * 0.7152 + b * 0.0722, (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883].map(f);
      return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
    };
    let min = [Infinity];
    for (const a of TYPES) for (const b of TYPES) if (a < b) {
      const d = Math.hypot(...lab(color(a)).map((v, i) => v - lab(color(b))[i]));
      if (d < min[0]) min = [d, a, b];
    }
    return min;
  });
  if (!(r[0] >= 25)) throw new Error(`${r[1]} and ${r[2]} are ${r[0].toFixed(1)} apart`);
  console.log(`   closest colours: ${r[1]} and ${r[2]}, ΔE ${r[0].toFixed(1)}`);
});

await step('the reader: legend, English names on hover, source URL as a link', async () => {
  await page.goto(`${base}?view=events&type=ASSAULT`);
  await eventsLoaded('');
  await page.click('#events-table tbody tr td.text-cell');
  await page.waitForSelector('#view-doc.active #doc-text .s', T);
  const r = await page.evaluate(() => ({
    legend: document.querySelectorAll('#doc-legend .s.key').length,
    named: [...document.querySelectorAll('#doc-text .s[title]')].some((s) => / = [A-Za-z]/.test(s.title)),
    link: [...document.querySelectorAll('#doc-meta a[href]')].map((a) => a.getAttribute('href')),
  }));
  if (r.legend < 6 || !r.named) throw new Error(JSON.stringify(r));
  if (!r.link.some((h) => /^https?:\/\//.test(h))) throw new Error('no source link: ' + r.link);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('desk-reader');
});

await step('an empty store says how to add documents', async () => {
  await page.goto(emptyBase);
  await page.waitForSelector('#empty:not([hidden])', T);
  const advice = await page.textContent('#empty');
  const store = (await (await page.request.get(`${emptyBase}api/stats`)).json()).store;
  if (!advice.includes(`rasad ingest --db ${store}`) || !advice.includes(`rasad serve --db ${store} --examples`)) throw new Error('no advice with the store: ' + advice);
  await shot('desk-empty');
});

await browser.close();
if (problems.length) fail(problems.join('\n'));
console.log(`all desk checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
