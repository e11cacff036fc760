// What a first visit costs, measured rather than guessed: a headless Chromium opens the home
// screen of the release build in dist/ with nothing cached, and every file it requested
// before the screen was interactive is weighed as a static host would send it (gzip -9, and
// brotli -11 for hosts that do). Then each part downloaded on first use, and the total with
// every part loaded. Exits non-zero above the budget in .ci/size-budget (bytes, gzip).
//
// Run by .ci/size-report after a release build; `--json FILE` also writes the figures.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT } from './helpers.mjs';
import { serve } from './server.mjs';

const budget = Number(readFileSync(join(ROOT, '.ci', 'size-budget'), 'utf8').match(/^\d+/m)[0]);
const weigh = (file) => {
  const bytes = readFileSync(join(DIST, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** The files a first visit of the home screen requests before it is interactive. */
export async function firstScreenFiles() {
  const srv = await serve(DIST);
  const browser = await launch();
  try {
    const { page } = await newPage(browser);
    const seen = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === new URL(srv.url).origin) seen.push(decodeURIComponent(url.pathname.slice(1)) || 'index.html');
    });
    await page.goto(srv.url);
    // Interactive: the heading is there, the plan list has been read from storage, and the
    // plan creation form answers.
    await page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
    await page.getByRole('button', { name: 'Créer le plan' }).waitFor();
    await page.getByText("Aucun plan pour l'instant.").waitFor();
    const files = [...new Set(seen)];
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    return files;
  } finally {
    await browser.close();
    await srv.close();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
const row = (w) => console.log(`  ${w.file.padEnd(52)} ${kb(w.raw)} raw ${kb(w.gzip)} gzip ${kb(w.brotli)} br`);
const sum = (list, key) => list.reduce((n, w) => n + w[key], 0);

if (import.meta.url === `file://${process.argv[1]}`) {
  const first = (await firstScreenFiles()).map(weigh);
  console.log('First screen (home, nothing cached), as requested by Chromium:');
  first.forEach(row);
  const firstGzip = sum(first, 'gzip');
  console.log(`first visit: ${first.length} requests, ${sum(first, 'raw')} B raw, ${firstGzip} B gzip, ${sum(first, 'brotli')} B brotli (budget ${budget} B gzip)`);

  const names = new Set(first.map((w) => w.file));
  // Data fetched only when a feature is used (the territory picker's), never in the background.
  const onDemand = (f) => f.startsWith('territoires-');
  const later = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile() && !names.has(f)
    && /\.(wasm|js|json)$/.test(f) && f !== 'sw.js' && !onDemand(f)).map(weigh).sort((a, b) => b.gzip - a.gzip);
  console.log("\nParts downloaded on first use (and by the service worker in the background):");
  later.forEach(row);
  const data = readdirSync(DIST).filter(onDemand).map(weigh);
  console.log('\nData downloaded on demand only (the territory picker, when first used; kept for offline use then):');
  data.forEach(row);
  const wasm = [...first, ...later].filter((w) => w.file.endsWith('.wasm'));
  console.log(`every part loaded: ${sum(wasm, 'raw')} B of wasm raw, ${sum(wasm, 'gzip')} B gzip; all code and texts ${sum([...first, ...later], 'gzip')} B gzip`);

  const json = process.argv.indexOf('--json');
  if (json > 0) writeFileSync(process.argv[json + 1], JSON.stringify({ budget, first, later, data }, null, 2));
  if (firstGzip > budget) {
    console.error(`\nFAIL: the first visit is ${firstGzip} B gzip, above the budget of ${budget} B (.ci/size-budget).`);
    process.exit(1);
  }
}
