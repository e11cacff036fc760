// The census spreadsheet round-trip: what step 1 exports opens in French Excel (BOM, `;`) and
// imports back to the same actors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { CENSUS, DIST, createPlan, goToStep, importCensus, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('the exported census is Excel-ready and imports back to the same actors', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan tableur');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le recensement (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^recensement-plan-tableur-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 BOM');
  const text = bytes.toString('utf8');
  assert.ok(text.includes("\uFEFFType d'acteur;Nom de l'acteur;"));
  assert.ok(text.includes('Région Bretagne'));
  assert.equal(text.trim().split('\r\n').length, 17, 'header and 16 rows');

  await createPlan(page, srv.url, 'Plan retour');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page, path);
  await page.getByText('16 acteurs recensés').waitFor();
  const row = page.locator('.actor-table tbody tr', { hasText: 'Envie 35' });
  assert.match(await row.innerText(), /Responsable partenariats/);
  assert.match(await row.innerText(), /Engagé/);
  await context.close();
});

test('search, filters and sorting narrow the census table', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan filtres');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  const names = () => page.locator('.actor-table tbody tr.row th').allInnerTexts();

  await page.locator('.filter-more summary').click();
  await page.getByLabel('Engagement').selectOption({ label: 'Moteur' });
  await page.getByText('16 acteurs recensés — 4 affichés').waitFor();
  assert.deepEqual((await names()).sort(), ['ANCT', 'Conseiller délégué au numérique', 'Région Bretagne', 'Ville de Rennes']);

  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByLabel('Rechercher un acteur').fill('reconditionnement SMARTPHONES');
  await page.getByText('— 2 affichés').waitFor();

  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByRole('button', { name: "Nom de l'acteur" }).click();
  assert.equal((await names())[0], 'ADEME Bretagne');
  assert.equal(await page.locator('th[aria-sort="ascending"]').count(), 1);
  await page.getByRole('button', { name: "Nom de l'acteur" }).click();
  assert.equal((await names())[0], 'Ville de Rennes');
  await context.close();
});

test('qualifying actors: decisions, NR types, custom subtype, renamed levels, circles', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan qualification');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();

  // Envie 35 is not local; deciding « local associations only » hides it.
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  await page.locator('#actor-local').selectOption('no');
  // Engagement, relevance and circle come first; the 21 NR types are folded below.
  const fields = await page.locator('section[aria-labelledby="actor-editor-title"] select').evaluateAll((l) => l.map((s) => s.id));
  assert.deepEqual(fields.slice(0, 3), ['actor-engagement', 'actor-relevance', 'actor-circle']);
  await page.getByText("Types d'actions NR déjà menées (cases à cocher)").click();
  await page.getByLabel('Sensibilisation des élus et agents').check();
  await page.getByLabel('Ajouter un sous-type à la liste').fill('Ressourceries');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.locator('#actor-partner').check();
  await page.getByText('Cercle retenu : 1, suggéré car c\'est un service, un partenaire ou un financeur de la collectivité').waitFor();
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await settled(page);

  await page.getByText('À arbitrer : le périmètre du recensement').click();
  await page.locator('#decision-association').selectOption('only');
  await page.getByText('16 acteurs recensés — 15 affichés').waitFor();
  assert.ok(!(await page.locator('.actor-table').innerText()).includes('Envie 35'));

  await page.getByText("Niveaux d'engagement : vos libellés").click();
  await page.locator('#level-label-3').fill('Locomotive');
  await settled(page);
  assert.match(await page.locator('.actor-table tbody tr', { hasText: 'Région Bretagne' }).innerText(), /Locomotive/);

  await page.reload();
  await page.getByText('16 acteurs recensés — 15 affichés').waitFor();
  await page.getByText('À arbitrer : le périmètre du recensement').click();
  await page.locator('#decision-association').selectOption('');
  const row = page.locator('.actor-table tbody tr', { hasText: 'Envie 35' });
  await row.waitFor();
  assert.match(await row.innerText(), /\b1\b/, 'circle 1 as partner');
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  assert.equal(await page.locator('#actor-subtype').inputValue(), 'custom:Ressourceries');
  await page.getByText("Types d'actions NR déjà menées (cases à cocher)").click();
  assert.ok(await page.getByLabel('Sensibilisation des élus et agents').isChecked());
  await context.close();
});

test('the actor map places every actor, opens one on click and downloads as SVG and PNG', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan carte');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await page.getByRole('button', { name: 'Carte et graphiques' }).click();
  assert.equal(await page.locator('#map-circles circle.dot').count(), 16);
  assert.match(await page.locator('#map-circles desc').textContent(), /Acteurs par cercle : cercle 1, 2 ; cercle 2, 9 ; cercle 3, 5\./);
  assert.match(await page.locator('#map-bars desc').textContent(), /Moteur 4/);

  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('figure', { has: page.locator('#map-circles') }).getByRole('button', { name: 'Télécharger en SVG' }).click(),
  ]);
  const text = await readFile(await svg.path(), 'utf8');
  assert.ok(text.startsWith('<svg') && text.includes('xmlns="http://www.w3.org/2000/svg"'));
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('figure', { has: page.locator('#map-matrix') }).getByRole('button', { name: 'Télécharger en PNG' }).click(),
  ]);
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');

  await page.locator('#map-circles circle.dot', { has: page.locator('title', { hasText: 'Envie 35' }) }).click();
  await page.getByRole('heading', { name: "Modifier l'acteur « Envie 35 »" }).waitFor();
  await context.close();
});

test('the import preview lists rows, flags duplicates and stores nothing until confirmed', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan aperçu');
  await goToStep(page, 'Qui mobiliser ?');
  await page.locator('#import-csv-file').setInputFiles(CENSUS);
  await page.getByRole('heading', { name: /Aperçu de l'import/ }).waitFor();
  assert.match(await page.locator('.import-preview').innerText(), /16 lignes lues ; fichier « CSV UTF-8 » d'Excel, colonnes séparées par des points-virgules/);
  assert.equal(await page.locator('.preview-table tbody tr').count(), 16);
  await page.getByRole('button', { name: "Annuler l'import" }).click();
  await page.getByText('Aucun acteur recensé').waitFor();

  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await page.locator('#import-csv-file').setInputFiles(CENSUS);
  await page.getByText('16 doublons possibles').waitFor();
  await page.getByRole('button', { name: 'Importer 0 acteur' }).waitFor();
  await page.getByLabel('Que faire de la ligne 4 ?').selectOption('add');
  await page.getByRole('button', { name: "Mettre à jour l'existant" }).click();
  await page.getByRole('button', { name: 'Importer 16 acteurs' }).click();
  await page.getByText('16 acteurs importés').waitFor();
  await page.getByText('16 acteurs recensés').waitFor();
  // The keyboard is on the message (« Annuler » one Tab away), not lost on the page's body.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'notice-area');
  await context.close();
});

test('a row repeated inside the file is flagged and stored once', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan doublons internes');
  await goToStep(page, 'Qui mobiliser ?');
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const path = join(await mkdtemp(join(tmpdir(), 'atelier-dup-')), 'dup.csv');
  await writeFile(path, "Nom de l'acteur;Type d'acteur\nAtelier Z;PME\nATELIER  Z;pme\nAutre;PME\n");
  await page.locator('#import-csv-file').setInputFiles(path);
  await page.getByText('1 doublon possible').waitFor();
  assert.match(await page.locator('.preview-table').innerText(), /Doublon de la ligne 2/);
  await page.getByRole('button', { name: 'Importer 2 acteurs' }).click();
  await page.getByText('2 acteurs recensés').waitFor();
  await context.close();
});
