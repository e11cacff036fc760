// Projector mode, driven by the keyboard only, at three projector sizes: every slide has its
// own URL, none overflows, B blanks, C switches contrast, N captures an idea that appears on
// the « Idées de l'atelier » slide and in the plan, Esc leaves; the slides print one per page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, settled } from './helpers.mjs';

const OUT = join(ROOT, 'tests', 'e2e', 'artifacts');
const SLIDES = 11;
let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); await mkdir(OUT, { recursive: true }); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Waits until slide `n` is the one in the address and the one on screen. */
const onSlide = (page, n) => page.waitForFunction((n) => location.hash === `#/projection/${n}`
  && document.querySelector('.slide-current .slide-number')?.textContent.startsWith(`${n} /`), n);

/** How far the shown slide's content goes past its box (0 when it fits). */
const overflow = (page) => page.evaluate(() => {
  const slide = document.querySelector('.slide-current');
  const body = slide.querySelector('.slide-body');
  const clip = Math.max(body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth);
  return Math.max(clip, document.documentElement.scrollWidth - window.innerWidth);
});

test('the keyboard walks every slide at 1024×768, 1280×720 and 1920×1080 with nothing overflowing', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);
  for (const [width, height] of [[1024, 768], [1280, 720], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.goto(srv.url + '#/conclusion');
    await page.getByRole('link', { name: 'Projeter en atelier' }).click();
    await page.locator('.slide-current').waitFor();
    assert.equal(await page.locator('.app-header').isVisible(), false, 'no editing chrome');
    for (let n = 1; n <= SLIDES; n += 1) {
      assert.ok(page.url().endsWith(`#/projection/${n}`), `slide ${n} has its own URL`);
      const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.slide-current .slide-body')).fontSize));
      assert.ok(size >= 20, `slide ${n}: text at ${size}px`);
      assert.ok((await overflow(page)) <= 1, `slide ${n} overflows at ${width}×${height}`);
      await page.screenshot({ path: join(OUT, `projection-${n}-${width}.png`) });
      if (n < SLIDES) {
        await page.keyboard.press(n % 2 ? 'ArrowRight' : 'Space');
        await onSlide(page, n + 1);
      }
    }
    await page.keyboard.press('End');
    await onSlide(page, 11);
    await page.keyboard.press('Home');
    await onSlide(page, 1);
    await page.keyboard.press('PageDown');
    await onSlide(page, 2);
    await page.keyboard.press('PageUp');
    await onSlide(page, 1);
    // Keys faster than the address's change event: each moves on from the slide just asked for.
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    await onSlide(page, 2);
    await page.keyboard.press('Home');
    await onSlide(page, 1);
  }

  // Text size, contrast and blank screen.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('+');
  const bigger = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.slide-current .slide-body')).fontSize));
  assert.ok(bigger > 24, 'the size control makes text larger');
  await page.keyboard.press('c');
  assert.ok(await page.locator('.projector.high-contrast').isVisible());
  await page.keyboard.press('b');
  assert.ok(await page.locator('.slide-blank').isVisible(), 'B blanks the screen');
  await page.keyboard.press('b');

  // Live capture: an idea typed during the workshop shows on its slide and joins the plan.
  await page.goto(srv.url + '#/projection/11');
  await page.locator('.slide-current').waitFor();
  await page.keyboard.press('n');
  // Nothing typed: a message says so and nothing joins the plan.
  const sheetsBefore = await page.evaluate(() => document.querySelectorAll('.slide-current li').length);
  await page.getByLabel('Idée ou action proposée').press('Enter');
  await page.getByRole('alert').filter({ hasText: "Écrivez d'abord ce que vous voulez noter." }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelectorAll('.slide-current li').length), sheetsBefore);
  await page.getByLabel('Idée ou action proposée').fill('Une fresque du numérique pour les élus');
  await page.keyboard.press('Enter');
  await page.locator('.slide-current', { hasText: 'Une fresque du numérique pour les élus' }).waitFor();
  // A need, from an actor of the census, in the same field.
  await page.getByLabel('Vous notez').selectOption('need');
  await page.getByLabel('Besoin exprimé').fill('Un local pour les ateliers de réparation');
  await page.getByLabel("Acteur qui l'exprime").fill('Acteur inconnu');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Aucun acteur recensé ne porte ce nom' }).waitFor();
  await page.getByLabel("Acteur qui l'exprime").fill('repair café des tilleuls');
  await page.getByLabel('Besoin exprimé').press('Enter');
  await page.locator('.slide-current', { hasText: 'Besoin · Repair café des Tilleuls : Un local pour les ateliers de réparation' }).waitFor();
  // A stray Esc closes the field but keeps what was typed.
  await page.getByLabel('Vous notez').selectOption('idea');
  await page.getByLabel('Idée ou action proposée').fill('Brouillon pas encore ajouté');
  await page.keyboard.press('Escape');
  await page.getByLabel('Idée ou action proposée').waitFor({ state: 'detached' });
  await page.keyboard.press('n');
  assert.equal(await page.getByLabel('Idée ou action proposée').inputValue(), 'Brouillon pas encore ajouté');
  // A very long word wraps inside its slide.
  await page.getByLabel('Idée ou action proposée').fill('x'.repeat(300));
  await page.keyboard.press('Enter');
  await page.locator('.slide-current li', { hasText: 'x'.repeat(300) }).waitFor();
  assert.ok((await overflow(page)) <= 1, 'a long idea stays inside the slide');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.hash === '#/conclusion');
  await page.goto(srv.url + '#/actions');
  const row = page.locator('.action-table tbody tr', { hasText: 'Une fresque du numérique pour les élus' });
  await row.waitFor();
  assert.match(await row.innerText(), /issue de l'atelier, à trier/, 'marked for sorting out later');
  await row.getByRole('button', { name: /^Modifier/ }).click();
  assert.match(await page.getByLabel('Notes').inputValue(), /^Issu de l'atelier/);
  // Sorting it out: the flag is a field of its own, not the notes.
  await page.getByLabel('Notes').fill('Retenue pour 2027.');
  assert.ok(await page.getByLabel("Issue de l'atelier, à trier").isChecked(), 'editing the notes keeps the flag');
  await page.getByLabel("Issue de l'atelier, à trier").uncheck();
  await page.keyboard.press('Escape');
  await page.locator('.action-table tbody tr', { hasText: 'Une fresque du numérique pour les élus' })
    .locator('.badge', { hasText: "issue de l'atelier" }).waitFor({ state: 'detached' });

  // The need joined the register, flagged, and « Trié » clears the flag.
  await page.goto(srv.url + '#/mobiliser');
  const need = page.locator('.needs-table tbody tr', { has: page.locator('input[type=text]') }).filter({ hasText: 'Repair café des Tilleuls' }).last();
  await need.getByText("issu de l'atelier, à trier").waitFor();
  assert.equal(await need.getByLabel(/^Précisions sur le besoin de/).inputValue(), 'Un local pour les ateliers de réparation');
  await need.getByRole('button', { name: 'Marquer comme trié le besoin de Repair café des Tilleuls' }).click();
  await need.getByText("issu de l'atelier, à trier").waitFor({ state: 'detached' });

  // One slide per printed page.
  await page.goto(srv.url + '#/projection/1');
  await page.locator('.slide-current').waitFor();
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, SLIDES, 'one page per slide');
  await writeFile(join(OUT, 'projection.pdf'), pdf);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the capture field fits a phone screen, for a facilitator noting from a phone', async () => {
  const { context, page } = await newPage(browser);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);
  await page.goto(srv.url + '#/projection/11');
  await page.locator('.slide-current').waitFor();
  await page.getByRole('button', { name: 'Noter une idée (N)' }).click();
  await page.getByLabel('Vous notez').selectOption('need');
  for (const selector of ['.capture', '#capture-kind', '#capture-actor', '.capture button[type=submit]']) {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `${selector} within the screen: ${JSON.stringify(box)}`);
  }
  await context.close();
});
