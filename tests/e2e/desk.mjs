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
page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
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
  return /of [\d,]+ events|No event/.test(t) && t !== b;
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
  await page.waitForFunction((t) => document.querySelector('#events-info').textContent.includes(`of ${t.toLocaleString('en-US')} events`), total, T);
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
    await page.waitForFunction((t) => document.querySelector('#events-info').textContent.includes(`of ${t.toLocaleString('en-US')} events`), total, T);
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
  await page.waitForFunction((t) => document.querySelector('#events-info').textContent.includes(`of ${t.toLocaleString('en-US')} events`), total, T);
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

await step('the timeline: a time axis with a y-axis; a brush sets the dates every view filters by', async () => {
  await page.goto(`${base}?view=timeline`);
  await page.waitForSelector('#timeline rect.bar', T);
  const ticks = await page.$$eval('#timeline text.tick', (t) => t.length);
  if (ticks < 4) throw new Error(`${ticks} ticks`);
  await shot('desk-timeline');
  const box = await (await page.$('#timeline rect.brush-area')).boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from'), null, T);
  const from = param('from'), to = param('to');
  if (!(from < to)) throw new Error(`from ${from} to ${to}`);
  await page.waitForSelector('#timeline rect.brush[visibility=visible]', T);
  await shot('desk-timeline-brush');
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
  if (!(await page.textContent('#empty')).includes('rasad ingest')) throw new Error('no advice');
  await shot('desk-empty');
});

await browser.close();
if (problems.length) fail(problems.join('\n'));
console.log(`all desk checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
