// Failures found by trying to break the app, each turned into a test: double deletes, two
// tabs on one plan, a full disk, odd addresses, focus after each action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { CENSUS, DIST, createPlan, goToStep, importCensus, noticeText, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

test('two deletes in a row can both be undone, and focus goes where the user needs it', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan double suppression');
  assert.equal(await focused(page), 'H1', 'after creating a plan, focus is on the heading');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await page.getByRole('button', { name: 'Supprimer Région Bretagne' }).click();
  await page.getByText('15 acteurs recensés').waitFor();
  assert.equal(await focused(page), 'notice-area', 'focus moves to the message with « Annuler »');
  await page.getByRole('button', { name: 'Supprimer Ville de Rennes' }).click();
  await page.getByText('14 acteurs recensés').waitFor();
  assert.match(await noticeText(page), /2 changements peuvent être annulés/);
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await page.getByText('15 acteurs recensés').waitFor();
  // Ctrl+Z does the same, except in a text field, where it stays the field's own undo.
  await page.getByLabel('Rechercher un acteur').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await page.getByText('15 acteurs recensés').count(), 1, 'Ctrl+Z in a field undoes no delete');
  await page.locator('h1').focus();
  await page.keyboard.press('Control+z');
  await page.getByText('16 acteurs recensés').waitFor();
  assert.match(await focused(page), /^edit-/, 'focus returns to the restored row');
  await settled(page);
  await page.reload();
  await page.getByText('16 acteurs recensés').waitFor();
  assert.ok((await page.locator('.actor-table').innerText()).includes('Région Bretagne'));

  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  await page.keyboard.press('Escape');
  const editId = await page.getByRole('button', { name: 'Modifier Envie 35' }).getAttribute('id');
  await page.waitForFunction((id) => document.activeElement?.id === id, editId);
  await context.close();
});

test('two tabs on one plan merge their edits and never revive a deleted actor', async () => {
  const { context, page: a } = await newPage(browser);
  await createPlan(a, srv.url, 'Plan deux onglets');
  await goToStep(a, 'Qui mobiliser ?');
  for (const name of ['Alpha', 'Gamma']) {
    await a.getByLabel('Nom du nouvel acteur').fill(name);
    await a.getByRole('button', { name: "Ajouter l'acteur" }).click();
  }
  await settled(a);
  const b = await context.newPage();
  await b.goto(srv.url + '#/acteurs');
  await b.getByText('2 acteurs recensés').waitFor();

  await a.getByRole('button', { name: 'Modifier Alpha' }).click();
  await b.getByRole('button', { name: 'Modifier Alpha' }).click();
  await a.getByLabel('Référent (nom ou fonction)').fill('Mme Martin');
  await settled(a);
  // Tab B's open editor follows what tab A stored, the description box too.
  await b.waitForFunction(() => document.getElementById('actor-referent').value === 'Mme Martin');
  await a.getByLabel('Description des actions NR identifiées').fill('Vu au forum des associations');
  await settled(a);
  await b.waitForFunction(() => document.getElementById('actor-description').value === 'Vu au forum des associations');
  await b.getByLabel('Contact (courriel ou téléphone)').fill('alpha@exemple.fr');
  await settled(b);
  // The cursor left in a field of tab B: that field follows tab A's save too (B has typed
  // nothing since), so B's next keystroke adds to A's text instead of writing B's old one back.
  await b.getByLabel('Référent (nom ou fonction)').focus();
  await a.getByLabel('Référent (nom ou fonction)').fill('Mme Durand');
  await settled(a);
  await b.waitForFunction(() => document.getElementById('actor-referent').value === 'Mme Durand');
  await b.getByLabel('Référent (nom ou fonction)').press('End');
  await b.keyboard.type(', élue');
  await settled(b);
  await a.waitForFunction(() => document.getElementById('actor-referent').value === 'Mme Durand, élue');

  await a.getByRole('button', { name: 'Fermer la fiche' }).click();
  await a.getByRole('button', { name: 'Supprimer Gamma' }).click();
  await settled(a);
  await b.getByText('1 acteur recensé').waitFor();

  for (const p of [a, b]) {
    await p.reload();
    const row = p.locator('.actor-table tbody tr', { hasText: 'Alpha' });
    await row.waitFor();
    assert.match(await row.innerText(), /Mme Durand, élue/);
    await p.getByText('1 acteur recensé').waitFor();
  }
  await context.close();
});

// Chromium's name for a full disk, and Firefox's older one.
for (const quota of ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']) {
test(`a full disk (${quota}) keeps what was typed, says so, and creates no half plan`, async () => {
  const { context, page } = await newPage(browser);
  await page.addInitScript((name) => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__diskFull) throw new DOMException('quota', name);
      return put.apply(this, args);
    };
  }, quota);
  await createPlan(page, srv.url, 'Plan disque plein');
  await page.evaluate(() => { window.__diskFull = true; });
  await page.getByLabel('Territoire').fill('Communauté de communes du Plateau');
  await page.getByText('Modifications non enregistrées').waitFor();
  assert.match(await noticeText(page), /espace de stockage du navigateur est plein/);
  assert.equal(await page.getByLabel('Territoire').inputValue(), 'Communauté de communes du Plateau');

  await page.goto(srv.url + '#/');
  await page.getByLabel('Nom du plan').fill('Plan impossible');
  await page.getByRole('button', { name: 'Créer le plan' }).click();
  await page.getByText("Le plan n'a pas été créé").waitFor();
  assert.equal(await page.locator('h1').innerText(), 'Mes plans');
  assert.equal(await page.getByLabel('Nom du plan').inputValue(), 'Plan impossible');
  assert.equal(await page.locator('.plan-list li').count(), 1);
  await context.close();
});
}

test('with IndexedDB refused (a private window), the app works in memory, says so, and exports the plan', async () => {
  const { context, page } = await newPage(browser);
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  });
  await page.goto(srv.url + '#/');
  const banner = page.locator('.memory-banner');
  await banner.getByText("Ce navigateur refuse d'enregistrer les données").waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), /idb|IndexedDB|SecurityError/);
  await page.getByLabel('Nom du plan').fill('Plan en mémoire');
  await page.getByRole('button', { name: 'Créer le plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  // The save status does not pretend to store anything.
  await page.getByText('Gardé en mémoire seulement (exportez le plan)').waitFor();
  assert.doesNotMatch(await page.locator('.app-header').innerText(), /Enregistré dans ce navigateur/);
  // Still there on another screen and back: the plan lives in memory for the session.
  await goToStep(page, 'Comment les mobiliser ?');
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('16 acteurs recensés').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.plan.name, 'Plan en mémoire');
  assert.equal(file.actors.length, 16);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('odd addresses say where the user is, and Back from the bare address works', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/nimporte');
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  await page.goto(srv.url + '#partage=abc');
  await page.getByRole('heading', { level: 1, name: 'Lien de partage' }).waitFor();

  await page.evaluate(() => localStorage.clear());
  await page.goto(srv.url);
  await page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
  await page.getByLabel('Nom du plan').fill('Plan retour arrière');
  await page.getByRole('button', { name: 'Créer le plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
  await context.close();
});

test('the actor checkboxes of a fiche stay right when the filter changes', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan cases à cocher');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await goToStep(page, 'Quelles actions ?');
  await page.getByLabel('Intitulé de la fiche action').fill('Collecte');
  await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
  await page.getByLabel('Filtrer les acteurs').fill('envie');
  await page.getByLabel('Envie 35').check();
  await page.getByLabel('Filtrer les acteurs').fill('');
  const checked = await page.locator('.checkbox-list input:checked').evaluateAll((els) => els.map((e) => e.labels[0].innerText));
  assert.deepEqual(checked, ['Envie 35']);
  await context.close();
});

test('Tab walks the census rows in order past the drawn window', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan tabulation');
  await goToStep(page, 'Qui mobiliser ?');
  const rows = ["Nom de l'acteur;Type d'acteur"];
  for (let i = 0; i < 80; i += 1) rows.push(`Acteur ${String(i).padStart(2, '0')};PME`);
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const path = join(await mkdtemp(join(tmpdir(), 'atelier-tab-')), 'tab.csv');
  await writeFile(path, rows.join('\n'));
  await importCensus(page, path);
  await page.getByText('80 acteurs recensés').waitFor();
  await page.getByRole('button', { name: 'Modifier Acteur 00' }).focus();
  const seen = [];
  for (let i = 0; i < 100; i += 1) {
    // What a screen reader announces: the button's accessible name.
    seen.push(await page.evaluate(() => (document.activeElement.getAttribute('aria-label') ?? document.activeElement.innerText).replace(/\s+/g, ' ').trim()));
    await page.keyboard.press('Tab');
  }
  const expected = [];
  for (let i = 0; i < 50; i += 1) {
    const n = String(i).padStart(2, '0');
    expected.push(`Modifier Acteur ${n}`, `Supprimer Acteur ${n}`);
  }
  assert.deepEqual(seen, expected);
  await context.close();
});

test('updating a duplicate from a file keeps the qualification made in the app', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan mise à jour');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  await page.locator('#actor-relevance').selectOption('high');
  await page.locator('#actor-partner').check();
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await settled(page);
  await page.locator('#import-csv-file').setInputFiles(CENSUS);
  await page.getByRole('button', { name: "Mettre à jour l'existant" }).click();
  await page.getByRole('button', { name: 'Importer 16 acteurs' }).click();
  await page.getByText('16 acteurs importés').waitFor();
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  assert.equal(await page.locator('#actor-relevance').inputValue(), 'high');
  assert.ok(await page.locator('#actor-partner').isChecked());
  await context.close();
});

test('a picture with a no-break space in a name downloads as valid SVG', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan espace');
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByLabel('Nom du nouvel acteur').fill('Mairie\u00a0de quartier');
  await page.getByRole('button', { name: "Ajouter l'acteur" }).click();
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await page.getByRole('button', { name: 'Carte et graphiques' }).click();
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('figure', { has: page.locator('#map-circles') }).getByRole('button', { name: 'Télécharger en SVG' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await svg.path(), 'utf8');
  assert.ok(!text.includes('&nbsp;'));
  const parsed = await page.evaluate((t) => new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror') === null, text);
  assert.ok(parsed, 'the SVG parses as XML');
  await context.close();
});

test('the context form of another tab follows what this tab stores', async () => {
  const { context, page: a } = await newPage(browser);
  await createPlan(a, srv.url, 'Plan contexte partagé');
  const b = await context.newPage();
  await b.goto(srv.url + '#/contexte');
  await b.getByLabel('Territoire').waitFor();
  await a.getByLabel('Territoire').fill('Pays de Brocéliande');
  await settled(a);
  await b.waitForFunction(() => document.getElementById('territory-name').value === 'Pays de Brocéliande');
  await context.close();
});
