// Drives `rasad serve` in headless Chromium: search, filter, open a document, click an argument,
// the map, the timeline and the network; and hostile article HTML must stay text.
//   node tests/e2e/app.mjs http://127.0.0.1:PORT/ HOSTILE_DOC_ID [screenshot-dir]
import { chromium } from 'playwright-core';

const [base, hostileId, shots] = process.argv.slice(2);
const fail = (msg) => { console.error('FAIL: ' + msg); process.exit(1); };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
const problems = [];
page.on('dialog', (d) => { problems.push('a dialog opened: ' + d.message()); d.dismiss(); });
page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
const step = async (name, fn) => { try { await fn(); console.log('ok: ' + name); } catch (e) { await shot('failed'); await browser.close(); fail(`${name}: ${e.message}`); } };
const shot = async (name) => { if (shots) await page.screenshot({ path: `${shots}/${name}.png` }); };

await step('the app loads and shows the counts', async () => {
  await page.goto(base);
  await page.waitForFunction(() => /documents/.test(document.querySelector('#stats').textContent), null, { timeout: 10000 });
});
await step('searching an Arabic word finds other forms of it, highlighted', async () => {
  await page.click('nav button[data-view=search]');
  await page.fill('#q', 'غارة');
  await page.click('#search-form button[type=submit]');
  await page.waitForSelector('#hits li mark', { timeout: 10000 });
  const marks = await page.$$eval('#hits mark', (ms) => ms.map((m) => m.textContent));
  if (!marks.some((m) => m.includes('غار'))) throw new Error('marks: ' + marks.join(','));
  await shot('search');
});
await step('the events table filters by type', async () => {
  await page.click('nav button[data-view=events]');
  await page.waitForSelector('#events-table tbody tr', { timeout: 10000 });
  await page.selectOption('#filters select[name=type]', 'ASSAULT');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#events-table tbody tr')];
    return rows.length > 0 && rows.every((r) => r.dataset.type === 'ASSAULT');
  }, null, { timeout: 10000 });
  const types = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => r.dataset.type));
  if (!types.length || types.some((t) => t !== 'ASSAULT')) throw new Error('types: ' + types.join(','));
  await shot('events');
});
await step('a row opens its document; clicking an argument highlights its span', async () => {
  await page.click('#events-table tbody tr td.text-cell');
  await page.waitForSelector('#view-doc.active #doc-text .s', { timeout: 10000 });
  await page.click('#doc-events .arg');
  const focused = await page.$$eval('#doc-text .s.focus', (xs) => xs.map((x) => x.textContent).join(''));
  const clicked = await page.$eval('#doc-events .arg', (a) => a.textContent);
  if (!focused || !focused.includes(clicked.trim().split(' ')[0])) throw new Error(`focused ${focused} vs ${clicked}`);
  await shot('document');
});
await step('the map renders the basemap and the events by place', async () => {
  await page.click('nav button[data-view=map]');
  await page.waitForSelector('.leaflet-container path.pt', { timeout: 10000 });
  await shot('map');
});
await step('the timeline draws bars', async () => {
  await page.click('nav button[data-view=timeline]');
  await page.waitForSelector('#timeline rect.bar', { timeout: 10000 });
});
await step('the network draws actors and links', async () => {
  await page.click('nav button[data-view=network]');
  await page.waitForFunction(() => document.querySelectorAll('#network g.node').length >= 2 && document.querySelectorAll('#network line.edge').length >= 1, null, { timeout: 10000 });
  await shot('network');
});
await step('a title like a file name keeps its order: "07_accusation.txt", not "accusation.txt_07"', async () => {
  await page.click('nav button[data-view=search]');
  await page.fill('#q', 'الحرس الثوري');
  await page.click('#search-form button[type=submit]');
  await page.waitForSelector('#hits li', { timeout: 10000 });
  const inOrder = (sel) => page.evaluate((sel) => {
    const b = [...document.querySelectorAll(sel)].find((x) => x.textContent === '07_accusation.txt');
    if (!b) return null;
    const t = b.firstChild, x = (from, to) => { const g = document.createRange(); g.setStart(t, from); g.setEnd(t, to); return g.getBoundingClientRect().left; };
    return x(0, 2) < x(3, 13);
  }, sel);
  const inList = await inOrder('#hits .hit-title bdi');
  if (inList !== true) throw new Error(`in the hit list: ${inList}`);
  await page.click('#hits .hit-title >> text=07_accusation.txt');
  await page.waitForSelector('#view-doc.active #doc-text .s', { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('#doc-title').textContent === '07_accusation.txt', null, { timeout: 10000 });
  const inTitle = await inOrder('#doc-title bdi');
  if (inTitle !== true) throw new Error(`in the reader's title: ${inTitle}`);
  await shot('bidi-title');
});
await step('hostile article markup is shown as text and never runs', async () => {
  await page.evaluate((id) => window.rasadOpenDoc(id), hostileId);
  await page.waitForFunction(() => document.querySelector('#doc-text').textContent.includes('<script>'), null, { timeout: 10000 });
  const injected = await page.$$eval('#doc-text script, #doc-text img, #doc-title img, #doc-events img', (xs) => xs.length);
  if (injected) throw new Error(`${injected} injected elements`);
  await page.click('nav button[data-view=search]');
  await page.fill('#q', 'تجربة');
  await page.click('#search-form button[type=submit]');
  await page.waitForSelector('#hits li', { timeout: 10000 });
  if (await page.$$eval('#hits img, #hits script', (xs) => xs.length)) throw new Error('markup in search results');
});
await step('outlet names, titles and long words keep their place: bidi isolated, words broken, snippets short', async () => {
  await page.click('nav button[data-view=search]');
  await page.click('#clear-filters');
  await page.fill('#q', 'فحصالعرض');
  await page.click('#search-form button[type=submit]');
  await page.waitForSelector('#hits li .snippet', { timeout: 10000 });
  // The date after an outlet holding a right-to-left override reads left to right: 2024 before 03.
  const r = await page.evaluate(() => {
    const hit = document.querySelector('#hits li');
    const bdis = [...hit.querySelectorAll('.info bdi')];
    const date = bdis.find((b) => b.textContent === '2024-01-03');
    const x = (node, from, to) => { const g = document.createRange(); g.setStart(node, from); g.setEnd(node, to); return g.getBoundingClientRect().left; };
    const t = date && date.firstChild;
    return {
      outlet: bdis.some((b) => b.textContent.includes('\u202e') && getComputedStyle(b).unicodeBidi === 'isolate'),
      dateInOrder: !!t && x(t, 0, 4) < x(t, 8, 10),
      title: !!hit.querySelector('.hit-title bdi'),
      snippet: Array.from(hit.querySelector('.snippet').textContent).length,
      wide: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  if (!r.outlet || !r.title) throw new Error('not isolated: ' + JSON.stringify(r));
  if (!r.dateInOrder) throw new Error('the date reads reversed after the outlet: ' + JSON.stringify(r));
  if (r.snippet > 400) throw new Error(`a snippet of ${r.snippet} characters`);
  if (r.wide > 1) throw new Error(`the page is ${r.wide} px wider than the window`);
  await shot('bidi-search');
  await page.click('#hits li .hit-title');
  await page.waitForSelector('#view-doc.active #doc-meta bdi', { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('#doc-text').textContent.length > 100000, null, { timeout: 10000 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (wide > 1) throw new Error(`the document view is ${wide} px wider than the window`);
  await shot('bidi-document');
});
await browser.close();
if (problems.length) fail(problems.join('\n'));
console.log('all end-to-end checks passed');
