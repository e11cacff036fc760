// Steps 2 and 3 and the conclusion, as a user works through them on the real census fixture:
// catalogue → fiche action linked to an actor → kanban by keyboard → roadmap → quick win in the
// matrix → indicator on the dashboard → mobilisation and need → reload keeps everything →
// deleting a linked actor asks first and can be undone → the action plan CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, createPlan, goToStep, importCensus, noticeText, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const MEASURE = "Outiller les acteurs du territoire pour qu'ils mesurent leur propre empreinte numérique";
const SECOND_LIFE = 'Faire connaître les acteurs de la seconde vie du matériel auprès du grand public';

/** Switches the view of step 3 through its navigation. */
async function showView(page, name) {
  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name }).click();
}

test('catalogue actions go through board, roadmap, matrix and dashboard, and survive a reload', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan des actions');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();

  // Two key actions from the kit's catalogue.
  await goToStep(page, 'Quelles actions ?');
  await showView(page, 'Catalogue du kit');
  for (const idea of [MEASURE, SECOND_LIFE]) {
    await page.getByRole('button', { name: `Créer la fiche : ${idea}` }).click();
    await page.getByRole('heading', { level: 2, name: `Fiche action « ${idea} »` }).waitFor();
    await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  }
  assert.equal(await page.getByText('Déjà dans le plan').count(), 2, 'the catalogue marks what the plan has');

  // Link the second one to an imported actor and give it dates.
  await showView(page, 'Liste');
  await page.getByRole('button', { name: `Modifier ${SECOND_LIFE}` }).click();
  await page.getByLabel('Filtrer les acteurs').fill('envie');
  await page.getByLabel('Envie 35').check();
  await page.getByLabel('Début', { exact: true }).fill('2027-01-15');
  await page.getByLabel('Échéance').fill('2027-06-30');
  await page.getByLabel('Service pilote').fill('Direction du numérique');
  await settled(page);
  await page.keyboard.press('Escape');
  const row = page.locator('.action-table tbody tr', { hasText: SECOND_LIFE });
  assert.match(await row.innerText(), /Envie 35/);

  // Kanban: move the card one column right with the keyboard.
  await showView(page, 'Tableau par statut');
  const card = page.getByRole('button', { name: SECOND_LIFE, exact: true });
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('section.board-column', { hasText: 'En cours' }).getByRole('button', { name: SECOND_LIFE, exact: true }).waitFor();
  assert.match(await page.getByRole('status').filter({ hasText: 'déplacée' }).innerText(), /« En cours »/);
  await page.waitForFunction((t) => document.activeElement?.textContent?.trim() === t, SECOND_LIFE);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), SECOND_LIFE, 'focus stays on the moved card');

  // Roadmap: the dated action spans its quarters; the other one is listed as undated.
  await showView(page, 'Feuille de route');
  const bar = page.locator('.roadmap-row', { hasText: SECOND_LIFE }).locator('.roadmap-bar');
  assert.equal((await bar.innerText()).trim(), 'T1 2027 → T2 2027');
  await page.getByRole('heading', { name: 'Sans date' }).waitFor();

  // Matrix: high impact, low effort, marked quick win.
  await page.getByRole('button', { name: SECOND_LIFE }).click();
  await page.getByLabel('Impact attendu').selectOption('3');
  await page.getByLabel('Effort nécessaire').selectOption('1');
  // The scores alone make it a quick win: the box says so and cannot say otherwise.
  await page.getByText("compte d'office comme gain rapide").waitFor();
  assert.ok(await page.getByLabel('Gain rapide').isChecked());
  assert.ok(await page.getByLabel('Gain rapide').isDisabled());

  // Indicator with a target and a measure.
  await page.getByLabel('Nouvel indicateur').fill('Ordinateurs reconditionnés');
  await page.getByRole('button', { name: "Ajouter l'indicateur" }).click();
  await page.getByLabel('Objectif', { exact: true }).fill('800');
  await page.getByLabel('Objectif', { exact: true }).press('Tab');
  await page.getByLabel('Date de la mesure').fill('2027-03-31');
  await page.getByLabel('Valeur mesurée').fill('200');
  await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await page.locator('.indicator-summary', { hasText: '25 %' }).waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();

  await showView(page, 'Impact et effort');
  const zone = page.locator('td.quick-zone', { hasText: SECOND_LIFE });
  assert.match(await zone.innerText(), /gain rapide/);

  // Step 2: a mobilisation of circle 2 aimed at Envie 35, and a need it expressed.
  await goToStep(page, 'Comment les mobiliser ?');
  await page.getByRole('button', { name: /^Planifier : Formations collectives/ }).click();
  await page.getByLabel('Date', { exact: true }).fill('2027-02-10');
  await page.getByLabel('Seulement les acteurs du cercle 2').uncheck();
  await page.getByLabel('Filtrer les acteurs').fill('envie');
  await page.getByLabel('Envie 35').check();
  await settled(page);
  await page.getByRole('button', { name: 'Fermer' }).click();
  await page.getByLabel('Acteur', { exact: true }).fill('Envie 35');
  await page.getByLabel('Besoin', { exact: true }).selectOption('funding');
  await page.getByRole('button', { name: 'Noter le besoin' }).click();
  await page.getByText('1 besoin noté').waitFor();
  await settled(page);

  // Dashboard of the conclusion.
  await goToStep(page, 'Gouvernance et suite');
  const dash = page.locator('.dashboard');
  assert.match(await dash.innerText(), /Ordinateurs reconditionnés/);
  assert.match(await dash.innerText(), /200 \/ 800 \(25 %\)/);
  assert.match(await dash.innerText(), /0 \/ 1\s+gains rapides/, 'one quick win, not done yet');
  await page.getByRole('heading', { name: 'Gains rapides', exact: true }).waitFor();
  assert.match(await page.locator('.quick-wins').innerText(), new RegExp(SECOND_LIFE));

  // Reload: everything is still there.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Gouvernance et suite' }).waitFor();
  await page.locator('.dashboard', { hasText: '200 / 800 (25 %)' }).waitFor();
  await page.goto(srv.url + '#/actions/tableau');
  await page.locator('section.board-column', { hasText: 'En cours' }).getByRole('button', { name: SECOND_LIFE, exact: true }).waitFor();
  await page.goto(srv.url + '#/actions/matrice');
  await page.locator('td.quick-zone', { hasText: SECOND_LIFE }).waitFor();
  await page.goto(srv.url + '#/mobiliser');
  await page.getByText('1 mobilisation', { exact: true }).waitFor();
  await page.getByText('1 besoin noté').waitFor();

  // Deleting the linked actor asks first, then unlinks everything; undo puts it all back.
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByRole('button', { name: 'Supprimer Envie 35' }).click();
  const question = page.getByRole('alertdialog');
  assert.match(await question.innerText(), /1 fiche action, 1 mobilisation et 1 besoin exprimé/);
  await page.waitForFunction(() => document.activeElement?.id === 'confirm-keep');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-keep', 'the safe answer has focus');
  await page.getByRole('button', { name: 'Supprimer quand même' }).click();
  await page.getByText('15 acteurs recensés').waitFor();
  await settled(page);
  await page.goto(srv.url + '#/actions');
  assert.doesNotMatch(await page.locator('.action-table').innerText(), /Envie 35/, 'no dangling partner');
  await page.goto(srv.url + '#/mobiliser');
  await page.getByText('Aucun besoin noté').waitFor();
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await page.getByText('1 besoin noté').waitFor();
  await settled(page);
  await page.reload();
  await page.getByText('1 besoin noté').waitFor();
  await page.goto(srv.url + '#/actions');
  await page.locator('.action-table tbody tr', { hasText: 'Envie 35' }).waitFor();

  // The action plan as a spreadsheet.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: "Exporter le plan d'actions (CSV)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^plan-actions-plan-des-actions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'BOM for Excel');
  const lines = csv.slice(1).split('\r\n');
  assert.match(lines[0], /^Intitulé;Axe;Statut;/);
  const line = lines.find((l) => l.includes(SECOND_LIFE));
  assert.match(line, /En cours/);
  assert.match(line, /Envie 35/);
  assert.match(line, /oui/);

  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the example plan opens from the start screen, labelled as an example', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  assert.match(await page.getByRole('note').innerText(), /Plan d'exemple/);
  assert.match(await noticeText(page), /exemple/i);
  const board = await page.locator('.board').innerText();
  for (const text of ['À venir', 'En cours', 'Réalisé']) assert.match(board, new RegExp(text));
  await goToStep(page, 'Gouvernance et suite');
  assert.match(await page.locator('.dashboard').innerText(), /800/);
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('12 acteurs recensés').waitFor();
  assert.match(await page.locator('.actor-table').innerText(), /Repair café des Tilleuls/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a kanban card moves with the mouse too, and the move is stored', async () => {
  // Tall enough that the whole board shows without scrolling during the drag.
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 1400 } });
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  const planned = page.locator('section.board-column', { hasText: 'À venir' });
  const card = planned.locator('li.card').first();
  const title = (await card.locator('.card-title').innerText()).trim();
  // Step by step, as a hand moves: Chromium starts a drag only after a small first move.
  const from = await card.boundingBox();
  const to = await page.locator('section.board-column', { hasText: 'Réalisé' }).boundingBox();
  await page.mouse.move(from.x + 20, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x + 50, to.y + 40, { steps: 8 });
  await page.mouse.up();
  const done = page.locator('section.board-column', { hasText: 'Réalisé' });
  await done.getByRole('button', { name: title, exact: true }).waitFor();
  await settled(page);
  await page.reload();
  await page.locator('section.board-column', { hasText: 'Réalisé' }).getByRole('button', { name: title, exact: true }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});
