// Every step has its own URL: Back, Forward and reload work, and the keyboard alone is enough.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, createPlan, goToStep, importCensus, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// No-break spaces (French typography) read as plain spaces here.
const h1 = async (page) => (await page.locator('h1').innerText()).replace(/\u00a0/g, ' ');

test('Back, Forward and reload follow the steps', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan navigation');
  await goToStep(page, 'Qui mobiliser ?');
  await goToStep(page, 'Comment les mobiliser ?');
  assert.equal(await h1(page), 'Étape 2 — Comment les mobiliser ?');
  // The current step: its title, and its mark « 2 » (drawn by CSS from data-step).
  const current = page.locator('[aria-current="step"]');
  assert.equal((await current.innerText()).replace(/\u00a0/g, ' '), 'Comment les mobiliser ?');
  assert.equal(await current.evaluate((a) => getComputedStyle(a, '::before').content), '"2"');

  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Étape 1 — Qui mobiliser ?' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: 'Étape 1 — Qui mobiliser ?' }).waitFor();

  await goToStep(page, 'Comment les mobiliser ?');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Étape 2 — Comment les mobiliser ?' }).waitFor();
  // Opening the bare address reopens the last step.
  await page.goto(srv.url);
  await page.getByRole('heading', { level: 1, name: 'Étape 2 — Comment les mobiliser ?' }).waitFor();
  assert.ok(page.url().endsWith('#/mobiliser'));
  await context.close();
});

test('a user can add and edit an actor with the keyboard only', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan clavier');
  await goToStep(page, 'Qui mobiliser ?');
  // After navigation, focus is on the screen's heading (once the screen's part has loaded:
  // on a loaded machine that takes a moment).
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 10_000 });

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-actor-name');
  await page.keyboard.type('Repair Café du centre');
  await page.keyboard.press('Enter');
  // The new actor's sheet opens with focus in its name field.
  await page.waitForFunction(() => document.activeElement?.id === 'actor-name');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Autre association');
  // Tab on, through the other fields, to the referent.
  for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement.id)) !== 'actor-referent'; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'actor-referent');
  await page.keyboard.type('Coordination bénévole');
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: /Modifier l'acteur/ }).waitFor({ state: 'detached' });
  await settled(page);

  await page.reload();
  const row = page.locator('.actor-table tbody tr', { hasText: 'Repair Café du centre' });
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /Organismes associatifs/);
  assert.match(text, /Coordination bénévole/);
  await context.close();
});

test('a deleted actor comes back with Annuler and stays after reload', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan annulation');
  await goToStep(page, 'Qui mobiliser ?');
  for (const name of ['Envie 35', 'CHU de Rennes']) {
    await page.getByLabel('Nom du nouvel acteur').fill(name);
    await page.getByRole('button', { name: "Ajouter l'acteur" }).click();
  }
  await page.getByText('2 acteurs recensés').waitFor();
  await page.getByRole('button', { name: 'Supprimer Envie 35' }).click();
  await page.getByText('1 acteur recensé').waitFor();
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await page.getByText('2 acteurs recensés').waitFor();
  await settled(page);
  await page.reload();
  await page.getByText('2 acteurs recensés').waitFor();
  await context.close();
});

test('deleting an actor far down the list keeps the place, with « Annuler » in sight and one Tab away', async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 360, height: 640 } });
  await createPlan(page, srv.url, 'Plan longue liste');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await settled(page);
  const last = page.getByRole('button', { name: /^Supprimer / }).last();
  await last.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 300, `the last actor is far down the page (${before} px)`);
  await last.click();
  await page.getByText('15 acteurs recensés').waitFor();
  const undo = page.getByRole('button', { name: 'Annuler la suppression' });
  await undo.waitFor();
  // The page did not jump back to its top, and the button is on the screen.
  assert.ok(await page.evaluate(() => window.scrollY) > before - 200, 'the place in the list is kept');
  const box = await undo.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 640, `« Annuler » is in sight (y = ${box.y})`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Annuler la suppression');
  // The next fields, in the screen's content, are never hidden under the notice.
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Tab');
    const hidden = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && !el.contains(hit) && !hit.contains(el) ? hit.className : null;
    });
    assert.equal(hidden, null, 'the focused field is not covered');
  }
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Annuler la suppression');
  await page.keyboard.press('Enter');
  await page.getByText('16 acteurs recensés').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});
