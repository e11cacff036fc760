// The yearly review (« bilan annuel », loi REEN): on a fixed day, the example plan's review of
// the year says when it is due and what is missing; a follow-up note and an amount spent typed
// in a fiche reach the .odt the browser downloads, which LibreOffice (the real client) opens
// with its sections, an indicator's target and result, a budget total and accents intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, goToStep, noticeText, settled } from './helpers.mjs';
import { convert } from './office.mjs';

const OUT = join(ROOT, 'tests', 'e2e', 'artifacts');
const MEASURE = "Mesurer l'impact environnemental du numérique à l'échelle du territoire";
let srv, browser;

/** Opens the review's fold in « Gouvernance et suite » (built only when opened). */
async function openBilan(page) {
  await page.locator('section.bilan summary').click();
  await page.getByLabel('Année du bilan').waitFor();
}

/** Opens the example plan on 2 December 2026 (a fixed clock: the year under review is 2026). */
async function openExample(page) {
  await page.clock.setFixedTime(new Date('2026-12-02T10:00:00Z'));
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
}
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('the example plan reviewed for 2026: due date, what is missing, a note and an amount spent typed in, the .odt read by LibreOffice', async () => {
  const { context, page } = await newPage(browser);
  await openExample(page);

  // In a fiche: a dated follow-up note, and what a budget line really cost.
  await goToStep(page, 'Quelles actions ?');
  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name: 'Liste' }).click();
  await page.getByRole('button', { name: `Modifier ${MEASURE}` }).click();
  await page.getByLabel('Date de la note').fill('2026-11-20');
  await page.getByLabel('Ce qui s\'est passé').fill('Atelier « données » avec les communes : 25 structures inscrites.');
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  await page.locator('.follow-ups').getByText('Atelier « données » avec les communes').waitFor();
  const actual = page.getByLabel('Montant réalisé de la ligne 1 en euros (vide tant qu\'il n\'est pas connu)');
  assert.equal(await actual.inputValue(), '31500');
  await actual.fill('33000');
  await settled(page);
  await page.keyboard.press('Escape');

  // The conclusion: the year under review, its due date, what is still missing.
  await goToStep(page, 'Gouvernance et suite');
  const section = page.locator('section.bilan');
  await openBilan(page);
  assert.equal(await page.getByLabel('Année du bilan').inputValue(), '2026');
  await section.getByText('Bilan 2026 à présenter avant le 11/02/2027').waitFor();
  assert.match(await section.innerText(), /indicateurs? sans mesure en 2026/);
  assert.match(await section.innerText(), /lignes? de budget 2026 sans montant réalisé/);
  await page.getByLabel('Délibération (référence)').waitFor();
  assert.equal(await page.getByLabel('Délibération (référence)').inputValue(), 'Délibération n° 2025-118 du conseil communautaire');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Télécharger le bilan 2026 (texte .odt)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^bilan-nr-2026-.*\.odt$/);
  const path = join(await download.path() + '-' + download.suggestedFilename());
  await download.saveAs(path);
  assert.match(await noticeText(page), /bilan-nr-2026/);

  // A zip whose first entry is the uncompressed « mimetype » of an OpenDocument text.
  const bytes = await readFile(path);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  assert.equal(bytes.subarray(30, 38).toString('latin1'), 'mimetype');
  assert.equal(bytes.subarray(38, 77).toString('latin1'), 'application/vnd.oasis.opendocument.text');

  // LibreOffice's own reading of it.
  const [txt] = await convert(path, 'txt:Text (encoded):UTF8');
  const text = (await readFile(txt, 'utf8')).replace(/[\u00a0\u202f]/g, ' ');
  for (const title of ['Bilan annuel 2026 de la stratégie Numérique responsable', 'Le territoire et ses obligations',
    'État des lieux : les acteurs du territoire', 'Objectifs et indicateurs de suivi', 'Actions menées, par axe',
    'Mobilisation des acteurs', 'Gouvernance', 'Perspectives']) {
    assert.ok(text.includes(title), `section « ${title} »`);
  }
  // The indicator: 2026 target 20, result 17 (its last measure of the year), 4 the year
  // before (the example's history), final target 40.
  assert.match(text, /Structures ayant fourni leurs données\n20 structures\n17 structures\n4 structures\n40 structures/);
  assert.match(text, /33 000 €/, 'the amount spent typed in the fiche');
  assert.match(text, /20\/11\/2026 — Mesurer l'impact environnemental du numérique à l'échelle du territoire : Atelier « données » avec les communes : 25 structures inscrites\./);
  assert.match(text, /Stratégie adoptée le 26\/06\/2025 \(Délibération n° 2025-118 du conseil communautaire\)/);

  // The printable page: the same review, with the amount typed in.
  await section.getByRole('link', { name: 'Bilan 2026 à imprimer (A4)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bilan annuel 2026 de la stratégie Numérique responsable' }).waitFor();
  const printable = (await page.locator('article.bilan-print').innerText()).replace(/[\u00a0\u202f]/g, ' ');
  assert.match(printable, /Objectifs et indicateurs de suivi/);
  assert.match(printable, /33 000 €/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.report-controls').isVisible(), false, 'no control is printed');
  await page.emulateMedia({ media: 'screen' });
  await page.goBack();
  await section.waitFor();

  // What was typed survives a reload.
  await page.reload();
  await goToStep(page, 'Quelles actions ?');
  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name: 'Liste' }).click();
  await page.getByRole('button', { name: `Modifier ${MEASURE}` }).click();
  await page.locator('.follow-ups').getByText('Atelier « données » avec les communes').waitFor();
  assert.equal(await actual.inputValue(), '33000');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the example comes with 2025 closed: 2026 compared live (words and plots), 2026 closed then replaced after a question, 2025 deleted and brought back, kept after reload and in the plan file', async () => {
  const { context, page } = await newPage(browser);
  await openExample(page);
  await goToStep(page, 'Gouvernance et suite');
  const section = page.locator('section.bilan');
  await openBilan(page);
  // Last year was closed in mid-December, as a project lead would have done.
  await section.locator('.closed-years').getByText('2025, close le 16/12/2025').waitFor();

  // 2026 against 2025: what was done since, in words and in three plots with their text.
  await section.getByRole('heading', { name: '2026 par rapport à 2025' }).waitFor();
  const done = async () => Number((await section.locator('.compared li').first().innerText()).match(/réalisées : (\d+)/)[1]);
  const before = await done();
  assert.match(await section.locator('.compared').innerText(), new RegExp(`Fiches action réalisées : ${before} \\(contre 0 en 2025\\)`));
  assert.ok(before >= 1, 'a fiche done this year');
  const plots = await section.locator('svg.axis-bars').evaluateAll((l) => l.map((svg) => svg.getAttribute('aria-label')));
  assert.equal(plots.length, 3, 'fiches per axis, indicators, engagement levels');
  assert.match(plots[0], /fiches réalisées, \d+ en 2025 et \d+ en 2026/);
  assert.match(plots[1], /Ordinateurs reconditionnés : 30 en 2025, 200 en 2026, pour un objectif de 800\./);
  assert.match(plots[2], /acteur\(s\) en 2025/);
  assert.match(await section.locator('.compared').innerText(), /2 acteurs ont gagné un niveau d'engagement : Université de Démoville, Repair café des Tilleuls/);
  await goToStep(page, 'Quelles actions ?');
  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name: 'Liste' }).click();
  await page.getByRole('button', { name: `Modifier ${MEASURE}` }).click();
  await page.locator('#action-status').selectOption('done');
  await settled(page);
  await page.keyboard.press('Escape');
  await goToStep(page, 'Gouvernance et suite');
  await openBilan(page);
  await section.getByRole('heading', { name: '2026 par rapport à 2025' }).waitFor();
  assert.equal(await done(), before + 1);

  // Closing 2026 twice: the second time asks, and replaces.
  await section.getByRole('button', { name: "Clore l'année 2026" }).click();
  await section.locator('.closed-years').getByText('2026, close le 02/12/2026').waitFor();
  await section.getByRole('button', { name: "Clore l'année 2026" }).click();
  await page.getByRole('alertdialog').getByText("L'année 2026 a déjà été close le 02/12/2026").waitFor();
  await page.getByRole('button', { name: 'Remplacer' }).click();
  assert.equal(await section.locator('.closed-years li').count(), 2);

  // Deleted, then brought back.
  await section.getByRole('button', { name: "Supprimer l'année close 2025" }).click();
  assert.equal(await section.locator('.closed-years li').count(), 1);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await section.locator('.closed-years').getByText('2025, close le 16/12/2025').waitFor();
  await settled(page);

  await page.reload();
  await openBilan(page);
  await section.locator('.closed-years li').nth(1).waitFor();
  assert.deepEqual(await section.locator('.closed-years li').allInnerTexts().then((l) => l.map((x) => x.slice(0, 4))), ['2025', '2026']);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(file.snapshots.map((s) => s.year), [2025, 2026]);
  const measured = file.snapshots[1].indicators.find((i) => i.name === 'Structures ayant fourni leurs données');
  assert.deepEqual([measured.target, measured.result], [20, 17]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('screenshots: the review section at 1280×720 and 360 px, nothing sticking out sideways', async () => {
  const { context, page } = await newPage(browser);
  await openExample(page);
  await goToStep(page, 'Gouvernance et suite');
  await openBilan(page);
  for (const [width, height] of [[1280, 720], [360, 740]]) {
    await page.setViewportSize({ width, height });
    const section = page.locator('section.bilan');
    await section.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the review at ${width}px sticks out by ${overflow}px`);
    await section.screenshot({ path: join(OUT, `bilan-${width}.png`) });
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});
