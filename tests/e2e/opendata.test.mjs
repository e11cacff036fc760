// Step 1 from official open data: a plan for Rennes Métropole (picked from the official list),
// the kit's census imported, then ADEME's circular-economy actors and the digital-inclusion
// places, each recognised by its header and read with the plan's territory and the digital
// scope as filters. The preview flags what the plan already has (Envie 35); after the import
// the actors are on the map with their families, and each credits its source in its editor
// and in the census export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, FIXTURES, createPlan, goToStep, importCensus, noticeText, settled } from './helpers.mjs';

const ADEME = join(FIXTURES, 'ademe-acteurs-economie-circulaire-extrait.csv');
const INCLUSION = join(FIXTURES, 'lieux-mediation-numerique-extrait.csv');
const PICKER = 'Trouver votre collectivité dans les données officielles';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Picks a collectivité in the context screen's official list. */
async function pickTerritory(page, typed, name) {
  const search = page.getByRole('combobox', { name: PICKER });
  await search.pressSequentially(typed);
  await page.getByRole('listbox', { name: 'Collectivités trouvées' }).getByRole('option', { name: new RegExp(`^${name}`) }).first().click();
  await page.locator('#territory-search-status').filter({ hasText: `Choix enregistré : ${name}.` }).waitFor();
}

test('Rennes Métropole, its census, then ADEME and the inclusion places: filtered, matched, imported and credited', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan données ouvertes');
  await pickTerritory(page, 'Rennes Mét', 'Rennes Métropole');
  await page.locator('section.obligations .verdict').filter({ hasText: 'Obligatoire pour votre territoire' }).first().waitFor();
  await settled(page);

  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();

  // ADEME: recognised by its header; 11 rows in the métropole, 9 of them on digital equipment.
  await page.locator('#import-csv-file').setInputFiles(ADEME);
  const preview = page.locator('.import-preview');
  await preview.getByRole('heading', { name: /Données ouvertes : .*« ademe-acteurs-economie-circulaire-extrait\.csv »/ }).waitFor();
  assert.ok(await page.getByLabel(/Le territoire du plan : Rennes Métropole/).isChecked());
  assert.ok(await page.getByLabel(/Seulement les acteurs du numérique/).isChecked());
  await preview.locator('.opendata-counts').filter({ hasText: '12 lignes lues ; 11 dans le territoire ; 9 retenue(s)' }).waitFor();
  const rows = preview.locator('tbody tr');
  assert.equal(await rows.count(), 9);
  const names = await preview.locator('tbody th').allInnerTexts();
  assert.ok(!names.includes('FRIPERIE SOLIDAIRE'), 'clothes only: not digital');
  assert.ok(!names.some((n) => /HORS TERRITOIRE/.test(n)), 'Vitré is outside');
  // Envie 35 is already in the census: flagged, and left out until the user says.
  const envie = rows.filter({ hasText: 'Envie 35' });
  assert.match(await envie.innerText(), /Peut-être déjà dans le plan/);
  assert.equal(await envie.getByRole('combobox').inputValue(), 'skip');
  // The digital filter is live: off, the friperie comes back.
  await page.getByLabel(/Seulement les acteurs du numérique/).uncheck();
  await preview.locator('.opendata-counts').filter({ hasText: '11 retenue(s)' }).waitFor();
  await page.getByLabel(/Seulement les acteurs du numérique/).check();
  await preview.getByRole('button', { name: 'Importer 8 acteurs' }).click();
  await page.getByText('24 acteurs recensés').waitFor();

  // The inclusion places: 8 in the member communes.
  await page.locator('#import-csv-file').setInputFiles(INCLUSION);
  await preview.locator('.opendata-counts').filter({ hasText: '10 lignes lues ; 8 dans le territoire ; 8 retenue(s)' }).waitFor();
  await preview.getByRole('button', { name: 'Importer 8 acteurs' }).click();
  await page.getByText('32 acteurs recensés').waitFor();
  await settled(page);

  // The map shows them in their families.
  await page.getByRole('button', { name: 'Carte' }).click();
  const map = page.locator('.actor-map');
  // Each dot is titled with its actor (labels on the dots are issue 15's).
  await map.locator('title', { hasText: 'PhoneSeconde' }).first().waitFor({ state: 'attached' });
  await map.locator('title', { hasText: /France services de Rennes Maurepas/ }).first().waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Tableau' }).click();

  // The editor credits the source.
  await page.getByRole('button', { name: 'Modifier PhoneSeconde' }).click();
  const editor = page.locator('.editor', { hasText: 'PhoneSeconde' }).first();
  await editor.getByText(/Que faire de mes objets/).first().waitFor();
  assert.match(await editor.innerText(), /ademe-acteurs-economie-circulaire-extrait\.csv/);

  // So does the census export.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le recensement (CSV)' }).click(),
  ]);
  const text = (await readFile(await download.path())).toString('utf8');
  const line = text.split('\r\n').find((l) => l.includes('PhoneSeconde'));
  assert.ok(line, 'PhoneSeconde exported');
  assert.match(line, /exempleActeur0005/);
  assert.match(line, /Que faire de mes objets/);

  // A second import of the same file adds nothing: every row is known by its source id.
  await page.locator('#import-csv-file').setInputFiles(ADEME);
  await preview.locator('.opendata-counts').waitFor();
  assert.equal(await rows.filter({ hasText: 'Déjà importé de ce jeu de données' }).count(), 8);
  await preview.getByRole('button', { name: 'Annuler' }).click();
  await context.close();
});

test('a file that is neither a census nor a known dataset, or a broken export, is refused with where and why; nothing is stored', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan fichier abîmé');
  await goToStep(page, 'Qui mobiliser ?');
  // Neither the kit's columns nor a dataset's: the message says which columns were looked for.
  await page.locator('#import-csv-file').setInputFiles({ name: 'autre.csv', mimeType: 'text/csv', buffer: Buffer.from('siret,denomination,commune\n123,ACME,Rennes\n') });
  await page.locator('.notice-area').filter({ hasText: 'autre.csv' }).waitFor();
  assert.match(await noticeText(page), /la colonne « Nom de l'acteur » est introuvable\. En-têtes lus : « siret », « denomination », « commune »/);
  await page.getByRole('button', { name: 'Fermer le message' }).click();
  const ademe = await readFile(ADEME, 'utf8');
  // An unclosed quote on line 4 swallows the rest: the reader says where.
  const broken = ademe.split('\n').map((l, i) => (i === 3 ? l.replace(',ess,', ',"ess,') : l)).join('\n');
  await page.locator('#import-csv-file').setInputFiles({ name: 'ademe-abime.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await page.locator('.notice-area').filter({ hasText: 'ademe-abime.csv' }).waitFor();
  assert.match(await noticeText(page), /Ligne 4 : 26 colonnes au lieu de 43/);
  assert.equal(await page.locator('.import-preview').count(), 0);
  await page.getByText('Aucun acteur recensé').waitFor();
  await context.close();
});
