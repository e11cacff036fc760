// The split build as users get it: a first visit downloads the home screen only; every other
// screen and file job arrives on first use; a part that cannot be downloaded says why and
// offers the one useful button; tabs of two builds never overwrite each other's records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { CENSUS, DIST, SCREENS, createPlan, goToStep, importCensus, noticeText, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** The wasm files a page requests, by name. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) seen.push(r.url().split('/').pop()); });
  return seen;
}

/** Makes every part's download fail (the main module still loads). Only for pages whose
 * context blocks service workers: a worker's own fetches escape Playwright's routes. */
async function cutParts(page) {
  await page.route((url) => url.pathname.endsWith('.wasm') && !url.pathname.endsWith('_bg.wasm'), (r) => r.abort());
}

test('the first visit downloads the home screen only; every screen and file job arrives on first use, without an error', async () => {
  const { context, page } = await newPage(browser);
  const wasm = wasmRequests(page);
  await page.goto(srv.url);
  await page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
  await page.getByText("Aucun plan pour l'instant.").waitFor();
  assert.equal(wasm.length, 1, `one wasm at first: ${wasm}`);
  assert.match(wasm[0], /_bg\.wasm$/);

  // The example plan is a file job of its own.
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.getByRole('heading', { level: 1, name: 'Étape 3 — Quelles actions ?' }).waitFor();
  assert.ok(wasm.length > 2, 'the example and step 3 were downloaded when asked for');

  for (const [name, hash] of [...SCREENS, ['a-propos', '#/a-propos'], ['projection', '#/projection/2']]) {
    await page.goto(srv.url + hash);
    await page.locator('h1:visible').first().waitFor();
    assert.equal(await page.locator('.part-failed').count(), 0, `${name} is drawn`);
  }

  // Census import and export, plan export, share link: each file job once.
  await page.goto(srv.url + '#/acteurs');
  await page.getByRole('button', { name: /^Modifier/ }).first().waitFor();
  await page.locator('#import-csv-file').setInputFiles(CENSUS);
  await page.getByRole('button', { name: /^Importer \d+ acteurs?$/ }).waitFor();
  await page.getByRole('button', { name: 'Annuler' }).click();
  const [census] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le recensement (CSV)' }).click()]);
  assert.match(await readFile(await census.path(), 'utf8'), /Nom de l'acteur/);
  await page.goto(srv.url + '#/conclusion');
  const [plan] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le plan (.json)' }).click()]);
  const planPath = await plan.path();
  assert.match(await readFile(planPath, 'utf8'), /"format": "atelier-nr\/plan"/);
  await page.getByRole('button', { name: 'Créer le lien de partage' }).click();
  const link = await page.locator('#share-link').inputValue();
  await page.goto(srv.url + '#/');
  await page.locator('#import-plan-file').setInputFiles(planPath);
  await page.getByRole('button', { name: 'Importer comme nouveau plan' }).waitFor();
  await page.goto(link);
  await page.reload();
  await page.getByRole('button', { name: 'Enregistrer une copie dans mes plans' }).waitFor();

  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a part that cannot be downloaded says so, the app stays usable, and « Réessayer » brings it', async () => {
  const { context, page } = await newPage(browser, { serviceWorkers: 'block' });
  await page.goto(srv.url);
  await page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
  await cutParts(page);
  // A file job says so, and changes nothing.
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.getByText("Cette fonction n'a pas pu être téléchargée").waitFor();
  assert.equal(await page.locator('.plan-list li').count(), 0, 'no plan was created');
  // A plan can still be created (the plan list is in the first download); its screen says
  // why it cannot be shown.
  await page.getByLabel('Nom du plan').fill('Plan sans réseau');
  await page.getByRole('button', { name: 'Créer le plan' }).click();
  const failed = page.getByRole('alert').filter({ hasText: "Cet écran n'a pas pu s'afficher" });
  await failed.waitFor();
  assert.match(await failed.innerText(), /connexion ou le serveur ne répond pas/);
  await page.getByRole('link', { name: 'Mes plans' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
  await page.getByText('Plan sans réseau').first().waitFor();

  await goToStep(page, 'Contexte');
  await failed.waitFor();
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus is on the new heading');
  await context.close();
});

test('a part replaced by a new deployment offers « Recharger la page »', async () => {
  const { context, page } = await newPage(browser, { serviceWorkers: 'block' });
  await createPlan(page, srv.url, 'Plan à recharger');
  await cutParts(page);
  await page.route('**/version.txt', (r) => r.fulfill({ body: 'une-autre-version\n', contentType: 'text/plain' }));
  await goToStep(page, 'Comment les mobiliser ?');
  const failed = page.getByRole('alert').filter({ hasText: 'nouvelle version' });
  await failed.waitFor();
  await page.unrouteAll();
  await Promise.all([page.waitForEvent('load'), failed.getByRole('button', { name: 'Recharger la page' }).click()]);
  await page.getByRole('heading', { level: 1, name: 'Étape 2 — Comment les mobiliser ?' }).waitFor();
  await context.close();
});

test('a newer build opened in another tab: the old tab stops saving and asks for a reload; the newer record stays intact', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan de deux versions');
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByLabel('Nom du nouvel acteur').fill('Envie 35');
  await page.getByRole('button', { name: "Ajouter l'acteur" }).click();
  await settled(page);

  // The other tab stands for a newer build: it opens the data at a higher version (an
  // upgrade, which must not wait on the old tab) and writes a record in a newer schema.
  const newer = await context.newPage();
  await newer.goto(srv.url + 'version.txt');
  const written = await newer.evaluate(() => new Promise((resolve, reject) => {
    const probe = indexedDB.open('atelier-nr');
    probe.onsuccess = () => {
      const version = probe.result.version;
      probe.result.close();
      const open = indexedDB.open('atelier-nr', version + 100);
      open.onblocked = () => reject(new Error('the upgrade is blocked by the old tab'));
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('actors', 'readwrite');
        const store = tx.objectStore('actors');
        const all = store.getAll();
        all.onsuccess = () => {
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            const key = keys.result[0];
            const record = JSON.parse(all.result[0]);
            record.v = 99;
            record.data.name = 'Envie 35 (version plus récente)';
            const text = JSON.stringify(record);
            store.put(text, key);
            tx.oncomplete = () => { db.close(); resolve({ key, text }); };
          };
        };
      };
    };
  }));

  const banner = page.getByRole('alert').filter({ hasText: 'Une version plus récente' });
  await banner.waitFor();
  await page.getByRole('button', { name: /^Modifier Envie 35/ }).click();
  await page.getByLabel("Nom de l'acteur").fill('Envie 35 modifié par l’ancien onglet');
  await page.getByText('⚠ Modifications non enregistrées').waitFor();
  assert.match(await noticeText(page), /ne peut plus enregistrer/);

  const stored = await newer.evaluate((key) => new Promise((resolve) => {
    const open = indexedDB.open('atelier-nr');
    open.onsuccess = () => {
      const get = open.result.transaction('actors').objectStore('actors').get(key);
      get.onsuccess = () => { open.result.close(); resolve(get.result); };
    };
  }), written.key);
  assert.equal(stored, written.text, 'the newer record is intact');
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Recharger la page' }).click()]);
  await context.close();
});
