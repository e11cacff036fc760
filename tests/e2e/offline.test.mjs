// Offline from a static URL: the build served under a sub-path (/atelier/), loaded once, then
// the server stops and the app still starts with its data; a new version deployed later is
// announced, applied when the user chooses, and the data survives. One release build: the
// "new version" is a copy of dist/ with a changed version marker in sw.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, SCREENS, offlineReady, settled } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('after one visit the app starts offline, and a new version is applied when the user chooses', async () => {
  let srv = await serve(DIST, { base: '/atelier/' });
  const port = new URL(srv.url).port;
  const { context, page } = await newPage(browser);
  await page.goto(srv.url);
  await page.getByLabel('Nom du plan').fill('Plan hors ligne');
  await page.getByRole('button', { name: 'Créer le plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await settled(page);
  // The service worker installs once the first screen works, then fetches every other part
  // in the background; after that, a reload is served by it and every screen works offline.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await offlineReady(page);
  await page.reload();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the service worker');

  await srv.close();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  assert.match(await page.locator('.app-header').innerText(), /Plan hors ligne/, 'the stored plan opens offline');
  await page.goto(srv.url + '#/a-propos');
  await page.getByText("Cette page est prête à fonctionner sans connexion").waitFor();
  await page.locator('#storage-persisted').waitFor();
  // Every screen works offline, though this visit opened only two of them online.
  for (const [name, hash] of [...SCREENS, ['projection', '#/projection/1']]) {
    await page.goto(srv.url + hash);
    await page.locator('h1:visible').first().waitFor();
    assert.equal(await page.locator('.part-failed').count(), 0, `${name} opens offline`);
  }

  // A new deployment at the same address: the same files, another version marker.
  const next = await mkdtemp(join(tmpdir(), 'atelier-next-'));
  await cp(DIST, next, { recursive: true });
  const sw = await readFile(join(next, 'sw.js'), 'utf8');
  await writeFile(join(next, 'sw.js'), sw.replace(/const VERSION = "[^"]*"/, 'const VERSION = "nouvelle-version"'));
  srv = await serve(next, { base: '/atelier/', port: Number(port) });
  await page.goto(srv.url + '#/contexte');
  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: 'nouvelle version' });
  await banner.waitFor();
  await banner.getByRole('button', { name: 'Recharger avec la nouvelle version' }).click();
  await page.waitForFunction(() => caches.keys().then((k) => k.includes('atelier-nr-nouvelle-version')));
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  assert.match(await page.locator('.app-header').innerText(), /Plan hors ligne/, 'the data survives the update');
  assert.equal(await page.locator('.update-banner').count(), 0);
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED')), []);
  await context.close();
  await srv.close();
});

test('a network cut during the background download is made up for without a reload: every screen then opens offline', async () => {
  const srv = await serve(DIST);
  // In front of the server, a link that fails the worker's own downloads of parts while `cut`
  // is on (its requests carry sw.js as referrer; the page's own go through).
  const { createServer, request } = await import('node:http');
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const rest = JSON.parse(sw.match(/const REST = (\[[^\]]*\]);/)[1]);
  let cut = true;
  let refused = 0;
  const link = createServer((req, res) => {
    const byWorker = (req.headers.referer ?? '').endsWith('/sw.js');
    if (cut && byWorker && rest.some((f) => req.url.endsWith(f.replace(/^\.\//, '/')))) {
      refused += 1;
      res.writeHead(503).end();
      return;
    }
    const upstream = request(srv.url.replace(/\/$/, '') + req.url, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise((done) => link.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${link.address().port}/`;
  const { context, page } = await newPage(browser);
  await page.goto(url);
  await page.getByLabel('Nom du plan').fill('Plan coupure');
  await page.getByRole('button', { name: 'Créer le plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first background download hits the cut; then the network comes back.
  for (const started = Date.now(); refused === 0 && Date.now() - started < 20_000;) await new Promise((d) => setTimeout(d, 200));
  assert.ok(refused > 0, 'the background download met the cut');
  cut = false;
  // No reload: the worker tries again on its own.
  await offlineReady(page);
  await settled(page);
  await page.reload();
  await context.setOffline(true);
  for (const [name, hash] of [...SCREENS, ['projection', '#/projection/1']]) {
    await page.goto(url + hash);
    await page.locator('h1:visible').first().waitFor();
    assert.equal(await page.locator('.part-failed').count(), 0, `${name} opens offline`);
  }
  assert.match(await page.locator('.app-header').innerText(), /Plan coupure/);
  await context.close();
  link.close();
  await srv.close();
});
