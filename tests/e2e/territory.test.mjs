// The territory picked from official data (context screen): every commune and EPCI of France,
// found by name, postal code, INSEE code or SIREN; the choice sets the territory, what the law
// asks of it and where its population comes from. The data (about 370 KB gzip) is never part
// of a first visit nor of the service worker's warm-up: it is fetched when the picker is first
// used, then kept for offline use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, createPlan, offlineReady, settled } from './helpers.mjs';

const OUT = join(ROOT, 'tests', 'e2e', 'artifacts');
const PICKER = 'Trouver votre collectivité dans les données officielles';
/** The picker's suggestions (not the options of the kind's drop-down list). */
const suggestions = (page) => page.getByRole('listbox', { name: 'Collectivités trouvées' }).getByRole('option');

let browser;
before(async () => { browser = await launch(); await mkdir(OUT, { recursive: true }); });
after(async () => { await browser?.close(); });

/** The data file of this build, as the service worker lists it (fetched on demand only). */
async function dataFile() {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const [file] = JSON.parse(sw.match(/const ON_DEMAND = (\[[^\]]*\]);/)[1]);
  assert.match(file, /^territoires-[0-9a-f]{16}\.json$/);
  return file;
}

test('« Rennes Mét », then the keyboard: Rennes Métropole sets the kind, the population, the REEN obligation and the source; a reload keeps them', async () => {
  const srv = await serve(DIST);
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Stratégie NR Rennes');
  const search = page.getByRole('combobox', { name: PICKER });
  assert.equal(await search.getAttribute('aria-expanded'), 'false');
  await search.focus();
  await search.pressSequentially('Rennes Mét');
  const list = page.getByRole('listbox', { name: 'Collectivités trouvées' });
  const first = list.getByRole('option').first();
  await first.waitFor();
  assert.match(await first.innerText(), /Rennes Métropole\s+Métropole \(35\) · 473\u202f973 habitants · 43 communes/);
  assert.equal(await search.getAttribute('aria-expanded'), 'true');
  assert.equal(await search.getAttribute('aria-controls'), await list.getAttribute('id'));
  // The count is said politely.
  const status = page.locator('#territory-search-status');
  assert.equal(await status.getAttribute('role'), 'status');
  assert.match(await status.innerText(), /^\d+ collectivités? trouvées? : flèches haut et bas/);

  // Down to the first suggestion, and Enter.
  await search.press('ArrowDown');
  const activeId = await search.getAttribute('aria-activedescendant');
  assert.equal(activeId, await first.getAttribute('id'));
  assert.equal(await first.getAttribute('aria-selected'), 'true');
  await search.press('Enter');
  await status.filter({ hasText: 'Choix enregistré : Rennes Métropole.' }).waitFor();
  assert.equal(await search.getAttribute('aria-expanded'), 'false');
  assert.equal(await search.inputValue(), '');
  await settled(page);

  const check = async () => {
    assert.equal(await page.getByLabel('Territoire', { exact: true }).inputValue(), 'Rennes Métropole');
    assert.equal(await page.getByLabel('Type de collectivité').inputValue(), 'metropole');
    const population = Number(await page.getByLabel('Population (habitants)').inputValue());
    assert.ok(population > 470_000 && population < 480_000, `about 474 000: ${population}`);
    const law = page.locator('section.obligations');
    assert.match(await law.locator('.verdict').first().innerText(), /loi REEN[\s\S]*Obligatoire pour votre territoire/);
    assert.match(await law.innerText(), /Population municipale 2026 : 473\u202f973 habitants\. Source : Etalab, découpage administratif 6\.0\.0 \(INSEE, DGCL\)\./);
    assert.match(await page.locator('.official').innerText(), /SIREN 243500139[\s\S]*43 communes membres/);
  };
  await check();
  // The member communes, folded; named from the data.
  await page.getByText('Voir la liste des communes membres').click();
  await page.locator('.member-list').getByText('Rennes (35238)').waitFor();
  assert.equal(await page.locator('.member-list li').count(), 43);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await check();

  // Escape closes the list, then clears the field.
  await search.focus();
  await search.pressSequentially('35000');
  await list.getByRole('option', { name: /^Rennes\s+Commune \(35\)/ }).waitFor();
  await search.press('Escape');
  assert.equal(await search.getAttribute('aria-expanded'), 'false');
  await search.press('Escape');
  assert.equal(await search.inputValue(), '');

  // Typing by hand still works, and detaches the territory from the official data.
  await page.getByLabel('Population (habitants)').fill('45000');
  await settled(page);
  const law = page.locator('section.obligations');
  await law.getByText('Population saisie à la main.').waitFor();
  assert.match(await law.locator('.verdict').first().innerText(), /Non obligatoire/);
  assert.equal(await page.locator('.official').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
  await srv.close();
});

test('a first visit and the background warm-up never download the territory data; the picker fetches it once, and it then works offline', async () => {
  const file = await dataFile();
  const srv = await serve(DIST);
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan sobre');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await offlineReady(page);
  const fetched = () => srv.log.filter((r) => r.path === file).length;
  assert.equal(fetched(), 0, 'the first visit, the context screen and the warm-up left the data alone');
  assert.equal(await page.evaluate((f) => caches.match(f).then((r) => r !== undefined), file), false);

  // First use: one download, kept by the service worker.
  const search = page.getByRole('combobox', { name: PICKER });
  await search.focus();
  await search.pressSequentially('243500139');
  await suggestions(page).filter({ hasText: 'Rennes Métropole' }).waitFor();
  assert.equal(fetched(), 1);
  for (const started = Date.now(); !(await page.evaluate((f) => caches.match(f).then((r) => r !== undefined), file));) {
    assert.ok(Date.now() - started < 10_000, 'the service worker kept the data');
    await page.waitForTimeout(100);
  }

  // Offline: the server is gone; the picker still answers, from the worker's cache.
  await srv.close();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await search.focus();
  await search.pressSequentially('Brest');
  await suggestions(page).filter({ hasText: 'Brest Métropole' }).waitFor();
  // The exact name first, then the larger.
  assert.match(await suggestions(page).first().innerText(), /^Brest\s+Commune \(29\)/);
  await search.press('ArrowDown');
  await search.press('Enter');
  await settled(page);
  assert.equal(await page.getByLabel('Territoire', { exact: true }).inputValue(), 'Brest');
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED')), []);
  await context.close();
});

test('data that cannot be downloaded: a message with « Réessayer », and the territory can still be typed by hand', async () => {
  const file = await dataFile();
  const srv = await serve(DIST);
  // No service worker: Playwright's routes do not see a worker's own fetches.
  const { context, page } = await newPage(browser, { serviceWorkers: 'block' });
  await createPlan(page, srv.url, 'Plan hors liste');
  await page.route(`**/${file}`, (r) => r.abort());
  const search = page.getByRole('combobox', { name: PICKER });
  await search.focus();
  const failed = page.getByRole('alert').filter({ hasText: "La liste officielle n'a pas pu être téléchargée" });
  await failed.waitFor();
  await search.pressSequentially('Rennes');
  assert.equal(await suggestions(page).count(), 0);

  await page.getByLabel('Territoire', { exact: true }).fill('Pays de Brocéliande');
  await page.getByLabel('Population (habitants)').fill('62000');
  await settled(page);
  assert.match(await page.locator('section.obligations .verdict').first().innerText(), /Obligatoire/);

  await page.unrouteAll();
  await failed.getByRole('button', { name: 'Réessayer' }).click();
  await failed.waitFor({ state: 'detached' });
  await search.focus();
  await suggestions(page).filter({ hasText: 'Rennes Métropole' }).waitFor();
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_FAILED')), []);
  await context.close();
  await srv.close();
});

test('screenshots: the picker open at 1280×720 and 360 px wide, nothing sticking out sideways', async () => {
  const srv = await serve(DIST);
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan en images');
  for (const [width, height] of [[1280, 720], [360, 740]]) {
    await page.setViewportSize({ width, height });
    const search = page.getByRole('combobox', { name: PICKER });
    await search.fill('');
    await search.focus();
    await search.pressSequentially('saint');
    await suggestions(page).first().waitFor();
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    await search.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the picker at ${width}px sticks out by ${overflow}px`);
    await page.screenshot({ path: join(OUT, `territory-picker-${width}.png`) });
  }
  // And once chosen: the official data and the obligations.
  await page.getByRole('combobox', { name: PICKER }).press('Enter');
  await settled(page);
  await page.getByText('Voir la liste des communes membres').or(page.locator('.official')).first().waitFor();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('.official').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'territory-chosen-1280.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await context.close();
  await srv.close();
});
