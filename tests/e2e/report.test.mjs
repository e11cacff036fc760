// The printable report: every part of the plan, no editing control once printed, and an A4
// PDF through Chromium's print engine (written to tests/e2e/artifacts/ to look at).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, createPlan, goToStep, importCensus, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('the report prints the actor map and the action table on A4, without controls', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Stratégie NR à imprimer');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await goToStep(page, 'Quelles actions ?');
  await page.getByLabel('Intitulé de la fiche action').fill('Collecte de matériel informatique');
  await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
  await page.getByLabel('Filtrer les acteurs').fill('envie');
  await page.getByLabel('Envie 35').check();
  await page.getByLabel('Échéance').fill('2027-06-30');
  await settled(page);

  await goToStep(page, 'Gouvernance et suite');
  await page.getByRole('link', { name: 'Rapport imprimable (PDF)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Stratégie NR à imprimer' }).waitFor();
  const report = page.locator('article.report');
  for (const heading of ['Territoire et obligations', 'Décisions de cadrage', 'Les acteurs (16)', 'Mobilisation par cercle', "Plan d'actions", 'Feuille de route', 'Gouvernance']) {
    await report.getByRole('heading', { name: heading }).waitFor();
  }
  assert.match(await report.locator('.report-actions').innerText(), /Collecte de matériel informatique[\s\S]*Envie 35/);

  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#map-circles').isVisible(), 'the actor map prints');
  assert.ok(await page.locator('.report-actions').isVisible(), 'the action table prints');
  for (const hidden of ['.app-header', '.step-bar', '.report-controls']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
  }
  assert.equal(await page.locator('main button:visible').count(), 0, 'no button is printed');

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 3, `the report spans several A4 pages (${pages})`);
  const out = join(ROOT, 'tests', 'e2e', 'artifacts');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'rapport.pdf'), pdf);
  assert.deepEqual(page.problems, []);
  await context.close();
});
