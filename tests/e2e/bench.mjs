// Benchmark of the release build in dist/ (run by `.ci/bench`, i.e. `make bench`). Prints
// figures; asserts nothing — targets are read by a person, beside each figure:
//
//   1. first visit: what the home screen requested before it was interactive (requests and
//      bytes on the wire, served gzip as a static host would), then what the service worker
//      fetched in the background to make every screen work offline;
//   2. EcoIndex of every screen with the example plan, first visit with nothing cached (the
//      cnumr reference formula; target: A, above 80);
//   3. time to the first heading and to a working button on the home screen over 512 kbit/s
//      (64 000 B/s down, 150 ms round trip) with the CPU slowed four times (RGESN 2.2 and
//      2.3), for Atelier NR and for a bare Leptos page built the same way, and their ratio
//      (target: first heading within 5 s);
//   4. the total wasm with every part loaded;
//   5. 100 and 10 000 actors: import time after the preview is confirmed (target ≤ 1 s at
//      10 000), search keystroke, DOM size, records written per edit;
//   6. a 100 000-row ADEME-shaped open-data export read through the census importer: time to
//      the preview, peak wasm memory and JS heap, and the longest main-thread task (target
//      under 200 ms: the page never freezes).
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, SCREENS, createPlan, goToStep, offlineReady, settled } from './helpers.mjs';

const BARE = join(ROOT, 'tests', 'bench', 'bare', 'dist');
const TYPES = ['PME', 'Université', 'Association dans le NR (seconde vie)', 'Élu', 'Citoyens', 'Hôpital', 'Entreprise du numérique'];
const LEVELS = ['Non identifié', 'Sensibilisé', 'Engagé', 'Moteur'];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (list) => list.reduce((a, b) => a + b, 0);

/** Waits until no request has been served for `quiet` ms. */
async function networkIdle(srv, quiet = 800) {
  for (;;) {
    const last = srv.log.at(-1)?.time ?? 0;
    await new Promise((r) => setTimeout(r, quiet));
    if ((srv.log.at(-1)?.time ?? 0) === last) return;
  }
}

// --- 1. First visit, then the background precache --------------------------------------
async function firstVisit(browser) {
  const srv = await serve(DIST, { gzip: true });
  try {
    const { context, page } = await newPage(browser);
    await page.goto(srv.url);
    await page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
    await page.getByText("Aucun plan pour l'instant.").waitFor();
    const first = srv.log.slice();
    await offlineReady(page);
    await networkIdle(srv);
    const background = srv.log.slice(first.length);
    await context.close();
    return { first, background };
  } finally {
    await srv.close();
  }
}

// --- 2. EcoIndex ---------------------------------------------------------------------------
// cnumr/ecoindex_reference: each figure placed in its quantile table (with its position
// between the bounds), weighted 3 (DOM elements outside <svg>), 2 (requests), 1 (kB).
const QUANTILES = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  req: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  size: [0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26],
};
function quantile(table, value) {
  for (let i = 1; i < table.length; i += 1) {
    if (value < table[i]) return i - 1 + (value - table[i - 1]) / (table[i] - table[i - 1]);
  }
  return table.length - 1;
}
export function ecoIndex(dom, requests, bytes) {
  const score = 100 - (5 * (3 * quantile(QUANTILES.dom, dom) + 2 * quantile(QUANTILES.req, requests) + quantile(QUANTILES.size, bytes / 1000))) / 6;
  const grade = [[80, 'A'], [70, 'B'], [55, 'C'], [40, 'D'], [25, 'E'], [10, 'F']].find(([min]) => score > min)?.[1] ?? 'G';
  return { score: Math.round(score * 10) / 10, grade };
}

async function ecoIndexes(browser) {
  const srv = await serve(DIST, { gzip: true });
  const results = [];
  try {
    // The example plan is stored once; each screen is then a first visit with an empty HTTP
    // cache and no service worker (whose background fetches are counted in part 1).
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const setup = await context.newPage();
    await setup.goto(srv.url);
    await setup.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
    await setup.getByRole('heading', { level: 1, name: 'Étape 3 — Quelles actions ?' }).waitFor();
    await settled(setup);
    await setup.close();
    for (const [name, hash] of [...SCREENS, ['a-propos', '#/a-propos'], ['projection', '#/projection/1']]) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      const from = srv.log.length;
      await page.goto(srv.url + hash);
      await page.locator('h1:visible').first().waitFor();
      await networkIdle(srv);
      const dom = await page.evaluate(() => document.querySelectorAll('*').length - document.querySelectorAll('svg *').length);
      const served = srv.log.slice(from);
      const bytes = sum(served.map((r) => r.bytes));
      results.push({ name, dom, requests: served.length, bytes, ...ecoIndex(dom, served.length, bytes) });
      await page.close();
    }
    await context.close();
  } finally {
    await srv.close();
  }
  return results;
}

// --- 3. Throttled start ------------------------------------------------------------------
// In the page: the time the first <h1> shows, and the time a click on the button first gets
// its answer (clicked every 20 ms from the heading on).
function watchStart({ button, answer }) {
  window.__start = {};
  const timer = setInterval(() => {
    const s = window.__start;
    if (s.heading === undefined && document.querySelector('h1')) s.heading = performance.now();
    if (s.heading === undefined) return;
    if (document.body.innerText.includes(answer)) {
      s.button = performance.now();
      clearInterval(timer);
      return;
    }
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button)?.click();
  }, 20);
}

async function throttledStart(browser, root, probe) {
  const srv = await serve(root, { gzip: true });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 64_000, uploadThroughput: 64_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(watchStart, probe);
    await page.goto(srv.url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => window.__start?.button !== undefined, null, { timeout: 120_000, polling: 100 });
    const times = await page.evaluate(() => window.__start);
    await context.close();
    return times;
  } finally {
    await srv.close();
  }
}

// --- 4. Every part loaded -----------------------------------------------------------------
async function allWasm() {
  const files = (await readdir(DIST)).filter((f) => f.endsWith('.wasm'));
  const sizes = await Promise.all(files.map(async (f) => {
    const bytes = await readFile(join(DIST, f));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }));
  return { files: files.length, raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) };
}

// --- 5. Many actors -------------------------------------------------------------------------
function census(n) {
  const rows = ["Type d'acteur;Nom de l'acteur;Type d'action Numérique Responsable;Description des actions NR identifiées;Niveau d'engagement estimé;Référent identifié et contact"];
  for (let i = 0; i < n; i += 1) {
    rows.push(`${TYPES[i % TYPES.length]};Acteur n°${i} de la métropole;Achats | Sensibilisation;Réemploi et reconditionnement du parc, action ${i};${LEVELS[i % 4]};Référent ${i} — ref${i}@exemple.fr`);
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

async function manyActors(browser, url, dir, n) {
  const { context, page } = await newPage(browser);
  await page.addInitScript(() => {
    window.__writes = 0;
    for (const name of ['put', 'add', 'delete']) {
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (...args) { window.__writes += 1; return original.apply(this, args); };
    }
  });
  await createPlan(page, url, `Banc ${n}`);
  await goToStep(page, 'Qui mobiliser ?');
  const file = join(dir, `census-${n}.csv`);
  await writeFile(file, census(n));
  await page.locator('#import-csv-file').setInputFiles(file);
  const confirm = page.getByRole("button", { name: /^Importer [\d\s\u202f]+ acteurs?$/ });
  await confirm.waitFor({ timeout: 300_000 });
  // From the click on « Importer » to the census showing them all, stored.
  const t0 = Date.now();
  await confirm.click();
  // « 10 000 acteurs recensés », grouped with a narrow no-break space.
  const grouped = n.toLocaleString('en').replace(/,/g, '[\\s\\u202f]');
  await page.getByText(new RegExp(`^${grouped} acteurs recensés$`)).waitFor({ timeout: 300_000 });
  const importMs = Date.now() - t0;
  await settled(page);

  const domNodes = await page.evaluate(() => document.querySelectorAll('*').length);
  // One search keystroke: the work it triggers (handler, reactive updates, microtasks), and
  // the time until the next frame is painted. Median of 5 keystrokes.
  const [workMs, keystrokeMs] = await page.evaluate(async () => {
    const input = document.getElementById('actor-search');
    const work = [];
    const frame = [];
    for (const text of ['acteur n°12', 'acteur n°1', 'acteur n°123', 'reemploi', 'acteur']) {
      await new Promise((r) => requestAnimationFrame(() => r()));
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
      work.push(performance.now() - start);
      await new Promise((r) => requestAnimationFrame(() => r()));
      frame.push(performance.now() - start);
    }
    const median = (xs) => xs.sort((a, b) => a - b)[2];
    return [median(work), median(frame)];
  });
  await page.evaluate(() => { const i = document.getElementById('actor-search'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); });

  // One edit of one actor: count IndexedDB records written.
  await page.locator('.actor-table tbody tr.row').first().getByRole('button', { name: /^Modifier/ }).click();
  const before = await page.evaluate(() => window.__writes);
  await page.getByLabel('Référent (nom ou fonction)').fill('Nouveau référent');
  await settled(page);
  const fillWrites = await page.evaluate((b) => window.__writes - b, before);
  const b2 = await page.evaluate(() => window.__writes);
  await page.locator('#actor-relevance').selectOption('high');
  await settled(page);
  const selectWrites = await page.evaluate((b) => window.__writes - b, b2);
  await context.close();
  return { n, importMs, domNodes, workMs, keystrokeMs, fillWrites, selectWrites };
}

// --- 6. A big open-data export ------------------------------------------------------------
/** An ADEME-shaped export of `n` rows: the fixture's header, its rows repeated with fresh ids
 * and names (so about 9 in 12 act on digital equipment, 11 in 12 are in Rennes Métropole). */
async function ademeExport(n) {
  const fixture = await readFile(join(ROOT, 'tests', 'fixtures', 'ademe-acteurs-economie-circulaire-extrait.csv'), 'utf8');
  const [header, ...rows] = fixture.trimEnd().split('\n');
  const out = [header];
  for (let i = 0; i < n; i += 1) {
    const row = rows[i % rows.length];
    out.push(row.replace(/^exempleActeur\d+,/, `bench${i},`).replace(/,(ASSOCIATION|ATELIER|RESSOURCERIE|REPAIR|BOUTIQUE|FRIPERIE|DÉCHÈTERIE|MAIRIE|INFORMATIQUE|CORDONNERIE|LOCATION|RECYCLERIE)/, `,$1 ${i}`));
  }
  return out.join('\n') + '\n';
}

async function bigOpenData(browser, url, dir, n) {
  const { context, page } = await newPage(browser);
  await page.addInitScript(() => {
    // Every wasm memory instantiated (the main module's; parts share it), and the longest task.
    window.__memories = [];
    const keep = (result) => {
      const instance = result.instance ?? result;
      for (const value of Object.values(instance.exports ?? {})) if (value instanceof WebAssembly.Memory) window.__memories.push(value);
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await createPlan(page, url, `Données ouvertes ${n}`);
  await goToStep(page, 'Qui mobiliser ?');
  await page.locator('.actor-table').waitFor();
  const file = join(dir, `ademe-${n}.csv`);
  await writeFile(file, await ademeExport(n));
  const size = (await stat(file)).size;
  await page.evaluate(() => { window.__longest = 0; });
  const t0 = Date.now();
  await page.locator('#import-csv-file').setInputFiles(file);
  await page.locator('.opendata-counts').waitFor({ timeout: 600_000 });
  const readMs = Date.now() - t0;
  const counts = await page.locator('.opendata-counts').innerText();
  const [longest, wasm] = await page.evaluate(() => [window.__longest, Math.max(0, ...window.__memories.map((m) => m.buffer.byteLength))]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await context.close();
  return { n, size, readMs, counts, longest, wasm, heap };
}

// --- Run ----------------------------------------------------------------------------------
// `node bench.mjs 2 5` runs sections 2 and 5 only; no argument runs them all.
const only = process.argv.slice(2);
const run = (n) => only.length === 0 || only.includes(String(n));
const browser = await launch();
try {
  if (run(1)) {
  const { first, background } = await firstVisit(browser);
  console.log('1. First visit (home, nothing cached, served gzip):');
  console.log(`   first screen: ${first.length} requests, ${kb(sum(first.map((r) => r.bytes)))} transferred (budget 200 KB)`);
  console.log(`   background, once interactive (service worker: install and every part): ${background.length} requests, ${kb(sum(background.map((r) => r.bytes)))}`);
  }

  if (run(2)) {
  console.log('\n2. EcoIndex with the example plan, each screen a first visit (target A, > 80):');
  const screens = await ecoIndexes(browser);
  for (const r of screens) {
    console.log(`   ${r.name.padEnd(17)} ${r.grade} ${String(r.score).padStart(5)}   DOM ${String(r.dom).padStart(4)}, ${String(r.requests).padStart(2)} requests, ${kb(r.bytes)}`);
  }
  // Kept for the « Écoconception » statement (the next build puts it in measures.json).
  const measures = join(ROOT, 'docs', 'measures');
  await mkdir(measures, { recursive: true });
  await writeFile(join(measures, 'ecoindex.json'), JSON.stringify({
    measured_on: new Date().toISOString().slice(0, 10),
    screens: screens.map((r) => [r.name, Number(r.score), r.grade]),
  }, null, 1) + '\n');
  console.log('   written to docs/measures/ecoindex.json');
  }

  if (run(3)) {
  console.log('\n3. Home screen at 512 kbit/s (150 ms round trip), CPU ×4:');
  const app = await throttledStart(browser, DIST, { button: 'Créer le plan', answer: 'Donnez un nom au plan.' });
  let bare = null;
  try {
    await stat(join(BARE, 'index.html'));
    bare = await throttledStart(browser, BARE, { button: 'Essayer', answer: 'Le bouton répond.' });
  } catch (e) {
    console.log(`   (bare Leptos page not built: ${e.message})`);
  }
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`   Atelier NR:        first heading ${s(app.heading)}, working button ${s(app.button)} (target: heading ≤ 5 s)`);
  if (bare) {
    console.log(`   bare Leptos page:  first heading ${s(bare.heading)}, working button ${s(bare.button)}`);
    console.log(`   ratio:             ×${(app.heading / bare.heading).toFixed(2)} (heading), ×${(app.button / bare.button).toFixed(2)} (button)`);
  }
  }

  if (run(4)) {
  const wasm = await allWasm();
  console.log(`\n4. Every part loaded: ${wasm.files} wasm files, ${kb(wasm.raw)} raw, ${kb(wasm.gzip)} gzip`);
  }

  if (run(5)) {
  console.log('\n5. Many actors:');
  const dir = await mkdtemp(join(tmpdir(), 'atelier-bench-'));
  const srv = await serve(DIST);
  try {
    const small = await manyActors(browser, srv.url, dir, 100);
    const large = await manyActors(browser, srv.url, dir, 10_000);
    for (const r of [small, large]) {
      console.log(`   ${String(r.n).padStart(6)} actors: import ${r.importMs} ms after « Importer », DOM ${r.domNodes} nodes, ` +
        `search keystroke: work ${r.workMs.toFixed(1)} ms, to next frame ${r.keystrokeMs.toFixed(1)} ms, records written: ` +
        `${r.selectWrites} for one select change, ${r.fillWrites} for typing a ${'Nouveau référent'.length}-character field`);
    }
    console.log(`   import of 10 000: ${large.importMs} ms (target ≤ 1 000 ms)`);
    console.log(`   DOM ratio 10 000 / 100: ${(large.domNodes / small.domNodes).toFixed(2)} (target ≤ 1.20)`);
    console.log(`   keystroke at 10 000: work ${large.workMs.toFixed(1)} ms (target ≤ 16.7 ms, one frame at 60 Hz)`);
  } finally {
    await srv.close();
  }
  }

  if (run(6)) {
  console.log('\n6. A big open-data export (ADEME-shaped, no territory chosen, digital scope on):');
  const dir = await mkdtemp(join(tmpdir(), 'atelier-bench-'));
  const srv = await serve(DIST);
  try {
    const r = await bigOpenData(browser, srv.url, dir, 100_000);
    const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
    console.log(`   ${r.n} rows, ${mb(r.size)}: preview after ${r.readMs} ms — « ${r.counts} »`);
    console.log(`   peak wasm memory ${mb(r.wasm)}, JS heap ${mb(r.heap)}`);
    console.log(`   longest main-thread task ${r.longest.toFixed(0)} ms (target < 200 ms)`);
  } finally {
    await srv.close();
  }
  }
} finally {
  await browser.close();
}
