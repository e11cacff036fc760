// Sharing and keeping plans safe: import as new or in place of the open plan (with an
// automatic backup that can be restored), a file dropped on the window, and the plan list
// (rename, duplicate, delete with a question and undo).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, createPlan, goToStep, importCensus, noticeText, settled, exportPlan } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('replacing the open plan by a file keeps a backup that brings it back', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan A');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await settled(page);
  const withActors = await exportPlan(page);

  // A second plan, empty, exported: replacing plan A with it would lose the 16 actors.
  await createPlan(page, srv.url, 'Plan vide');
  const empty = await exportPlan(page);
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: 'Ouvrir Plan A' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();

  await page.goto(srv.url + '#/');
  await page.locator('#import-plan-file').setInputFiles(empty);
  const choice = page.getByRole('alertdialog', { name: 'Que faire de ce plan ?' });
  assert.match(await choice.innerText(), /« Plan vide » : 0 acteur/);
  // The safe choice has focus (and keeps it once the screen has settled).
  await page.waitForFunction(() => document.activeElement?.textContent === 'Importer comme nouveau plan');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Importer comme nouveau plan');
  await choice.getByRole('button', { name: 'Remplacer le plan ouvert « Plan A »' }).click();
  await page.getByText(/Plan remplacé par « Plan vide »/).waitFor();
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('Aucun acteur').first().waitFor();

  // The backup lists plan A with its 16 actors; restoring brings them back, after a reload too.
  await page.goto(srv.url + '#/');
  const backup = page.locator('.backups li', { hasText: '« Plan A », 16 acteurs' });
  await backup.getByRole('button', { name: /^Restaurer/ }).click();
  await page.getByRole('button', { name: 'Restaurer', exact: true }).click();
  await page.getByText(/Plan remplacé par « Plan A »/).waitFor();
  await settled(page);
  await page.reload();
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('16 acteurs recensés').waitFor();
  // Restoring was itself a replacement: the emptied version is kept too.
  await page.goto(srv.url + '#/');
  await page.locator('.backups li', { hasText: '« Plan vide », 0 acteur' }).waitFor();
  assert.equal(await page.locator('.plan-list li').count(), 2, 'replacing never adds a plan');

  // Importing as new leaves the open plan alone.
  await page.locator('#import-plan-file').setInputFiles(withActors);
  await page.getByRole('button', { name: 'Importer comme nouveau plan' }).click();
  await page.getByText('importé : 16 acteurs et 0 fiche action').waitFor();
  assert.equal(await page.locator('.plan-list li').count(), 3);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a plan file dropped on the window is offered for import', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan déposé');
  const path = await exportPlan(page);
  const text = await readFile(path, 'utf8');
  await goToStep(page, 'Qui mobiliser ?');
  await page.evaluate((contents) => {
    const data = new DataTransfer();
    data.items.add(new File([contents], 'collegue.json', { type: 'application/json' }));
    for (const type of ['dragover', 'drop']) {
      document.querySelector('main').dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, text);
  await page.getByRole('alertdialog', { name: 'Que faire de ce plan ?' }).waitFor();
  assert.ok(page.url().endsWith('#/'), 'the choice shows on « Mes plans »');
  await page.getByRole('button', { name: 'Ne rien importer' }).click();
  assert.equal(await page.locator('.plan-list li').count(), 1);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('plans can be renamed, duplicated, deleted after a question, and the delete undone', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Stratégie 2026');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await settled(page);
  await page.goto(srv.url + '#/');

  await page.getByRole('button', { name: 'Renommer Stratégie 2026' }).click();
  await page.getByLabel('Nouveau nom').fill('Stratégie NR 2027');
  await page.getByLabel('Nouveau nom').press('Enter');
  await page.locator('.plan-list', { hasText: 'Stratégie NR 2027' }).waitFor();
  await settled(page);

  await page.getByRole('button', { name: 'Dupliquer Stratégie NR 2027' }).click();
  await page.getByText('Copie « Stratégie NR 2027 (copie) » créée').waitFor();
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('16 acteurs recensés').waitFor();
  await page.goto(srv.url + '#/');
  assert.equal(await page.locator('.plan-list li').count(), 2);

  await page.getByRole('button', { name: 'Supprimer Stratégie NR 2027 (copie)' }).click();
  const question = page.getByRole('alertdialog');
  assert.match(await question.innerText(), /Supprimer le plan « Stratégie NR 2027 \(copie\) »/);
  await page.getByRole('button', { name: 'Garder le plan' }).click();
  assert.equal(await page.locator('.plan-list li').count(), 2, 'keeping it keeps it');
  await page.getByRole('button', { name: 'Supprimer Stratégie NR 2027 (copie)' }).click();
  await page.getByRole('button', { name: 'Supprimer le plan' }).click();
  await page.getByText('Plan « Stratégie NR 2027 (copie) » supprimé (16 acteurs et 0 fiche action).').waitFor();
  assert.equal(await page.locator('.plan-list li').count(), 1);
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await page.locator('.plan-list li', { hasText: 'Stratégie NR 2027 (copie)' }).waitFor();
  await settled(page);
  await page.reload();
  await page.locator('.plan-list li', { hasText: 'Stratégie NR 2027 (copie)' }).waitFor();
  const copy = page.locator('.plan-list li', { hasText: 'Stratégie NR 2027 (copie)' });
  await copy.getByRole('button', { name: /^Ouvrir/ }).or(copy.getByRole('link', { name: 'Continuer' })).click();
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('16 acteurs recensés').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** The « contact » part of the census fixture's last column (after « — »), row by row. */
async function fixtureContacts() {
  const text = await readFile(new URL('../fixtures/recensement-acteurs-exemple.csv', import.meta.url), 'utf8');
  return text.split(/\r?\n/).slice(1).filter(Boolean)
    .map((line) => line.split(';').at(-1).split(' — ').at(-1).trim())
    .filter((c) => c.length > 3);
}

test('the anonymised export and the default share link carry no contact of the census', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan à diffuser');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await settled(page);
  const contacts = await fixtureContacts();
  assert.ok(contacts.length >= 10, 'the fixture has contacts to hide');

  await goToStep(page, 'Gouvernance et suite');

  const grab = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { file: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const all = await grab('Exporter le plan (.json)');
  const anon = await grab('Exporter sans données personnelles (.json)');
  assert.match(anon.file, /-anonyme\.json$/);
  assert.ok(contacts.some((c) => all.text.includes(c)), 'the full export keeps contacts');
  for (const c of contacts) assert.ok(!anon.text.includes(c), `anonymised export leaks ${c}`);
  assert.equal(JSON.parse(anon.text).actors.length, 16, 'every actor is still there');

  // The share link is anonymised unless asked otherwise, and opens in a fresh browser.
  await page.getByRole('button', { name: 'Créer le lien de partage' }).click();
  const link = await page.getByLabel(/Lien à copier/).inputValue();
  assert.match(link, /#partage=[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 10_100);
  const decoded = decodeURIComponent(link);
  for (const c of contacts) assert.ok(!decoded.includes(c));

  const other = await newPage(browser);
  await other.page.goto(link);
  await other.page.getByRole('heading', { level: 1, name: 'Plan partagé : « Plan à diffuser »' }).waitFor();
  assert.match(await other.page.locator('main').innerText(), /16 acteurs[\s\S]*Sans données personnelles/);
  assert.equal(await other.page.locator('.step-bar').isVisible(), false, 'no steps to follow before saving a copy');
  await other.page.getByRole('button', { name: 'Enregistrer une copie dans mes plans' }).click();
  await other.page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await goToStep(other.page, 'Qui mobiliser ?');
  await other.page.getByText('16 acteurs recensés').waitFor();
  await other.page.goto(srv.url + '#/');
  assert.equal(await other.page.locator('.plan-list li').count(), 1);
  assert.deepEqual(other.page.problems, []);
  await other.context.close();

  // A damaged link says so and stores nothing.
  const broken = await newPage(browser);
  await broken.page.goto(link.slice(0, link.length - 40));
  await broken.page.getByRole('heading', { level: 1, name: 'Lien de partage illisible' }).waitFor();
  await broken.page.goto(srv.url + '#/');
  await broken.page.getByText("Aucun plan pour l'instant.").waitFor();
  await broken.context.close();
  assert.deepEqual(page.problems, []);
  await context.close();
});
