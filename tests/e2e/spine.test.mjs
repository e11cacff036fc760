// The main job, end to end, on the real census fixture: import → link an action → reload →
// export → import back as a new plan. Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, createPlan, goToStep, importCensus, noticeText, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('census import, linked action, reload, export and re-import keep everything', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Stratégie NR — Métropole');

  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  const table = page.locator('.actor-table');
  await page.getByText('16 acteurs recensés').waitFor();
  for (const text of ['Région Bretagne', "Département d'Ille-et-Vilaine", 'Envie 35', 'Conseiller délégué au numérique', 'Université de Rennes']) {
    assert.ok((await table.innerText()).includes(text), `table shows ${text}`);
  }
  assert.match(await noticeText(page), /16 acteurs importés/);

  await goToStep(page, 'Quelles actions ?');
  await page.getByLabel('Intitulé de la fiche action').fill('Étendre le reconditionnement aux communes');
  await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
  await page.getByLabel('Filtrer les acteurs').fill('envie');
  await page.getByLabel('Envie 35').check();
  await page.getByLabel('Service pilote').fill('Direction du numérique');
  await page.getByLabel('Échéance').fill('2027-06-30');
  await settled(page);
  const row = page.locator('.action-table tbody tr', { hasText: 'Étendre le reconditionnement' });
  assert.match(await row.innerText(), /Envie 35/);
  assert.match(await row.innerText(), /30\/06\/2027/);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Étape 3 — Quelles actions ?' }).waitFor();
  assert.ok(page.url().endsWith('#/actions'), 'the same step reopens');
  const kept = page.locator('.action-table tbody tr', { hasText: 'Étendre le reconditionnement' });
  assert.match(await kept.innerText(), /Envie 35/);
  assert.match(await kept.innerText(), /Direction du numérique/);
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('16 acteurs recensés').waitFor();

  await goToStep(page, 'Gouvernance et suite');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^strategie-nr-metropole-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = await download.path();
  const file = JSON.parse(await readFile(exported, 'utf8'));
  assert.equal(file.format, 'atelier-nr/plan');
  assert.equal(file.schema_version, 7);
  assert.deepEqual(file.tombstones, [], 'nothing deleted yet');
  assert.equal(file.actors.length, 16);
  const envie = file.actors.find((a) => a.name === 'Envie 35');
  assert.deepEqual(file.actions[0].actor_ids, [envie.id]);

  await page.goto(srv.url + '#/');
  await page.locator('#import-plan-file').setInputFiles(exported);
  await page.getByRole('button', { name: 'Importer comme nouveau plan' }).click();
  await page.getByText('importé : 16 acteurs et 1 fiche action').waitFor();
  assert.equal(await page.locator('.plan-list li').count(), 2);
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByText('16 acteurs recensés').waitFor();
  await goToStep(page, 'Quelles actions ?');
  assert.match(await page.locator('.action-table tbody tr').innerText(), /Envie 35/);

  assert.deepEqual(page.problems, []);
  await context.close();
});
