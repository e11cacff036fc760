// French first, English on request: the switch translates every screen (no message key shows
// through), sets <html lang>, formats numbers the English way, keeps focus on the switch, and
// is remembered after a reload. Screenshots of the English screens land in artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, SCREENS as PLAN_SCREENS, settled } from './helpers.mjs';

const OUT = join(ROOT, 'tests', 'e2e', 'artifacts');
const SCREENS = [...PLAN_SCREENS, ['a-propos', '#/a-propos'], ['projection', '#/projection/1']];
// A message key left untranslated would show as e.g. « actors.editor.name ».
const KEY = /\b(common|home|context|actors|circles|actions|conclusion|share|report|projector|kit|domain|errors|state)\.[a-z0-9_]+(\.[a-z0-9_]+)*\b/;

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); await mkdir(OUT, { recursive: true }); });
after(async () => { await browser?.close(); await srv?.close(); });

async function screenText(page, hash) {
  await page.goto(srv.url + hash);
  await page.locator('h1, .slide').first().waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  // The headings: the report's h1 is the plan's own name, its h2 the first translated one.
  return page.evaluate(() => ({ h1: [...document.querySelectorAll('h1, h2')].slice(0, 2).map((h) => h.innerText).join(' | '), all: document.body.innerText }));
}

test('every screen reads in English after the switch, and the choice survives a reload', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);

  const french = {};
  for (const [name, hash] of SCREENS) french[name] = await screenText(page, hash);

  await page.goto(srv.url + '#/acteurs');
  // A name typed but not yet added survives the switch.
  await page.getByLabel('Nom du nouvel acteur').fill('Acteur à moitié saisi');
  // An editor open at the switch stays open.
  await page.getByRole('button', { name: 'Modifier Repair café des Tilleuls' }).click();
  await page.locator('#actor-editor-title').waitFor();
  await page.locator('#lang-switch').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // The switch is drawn anew in the new language; focus follows it.
  await page.waitForFunction(() => document.activeElement?.id === 'lang-switch');
  assert.equal((await page.locator('#lang-switch').innerText()).trim(), 'Français');
  assert.equal(await page.locator('#lang-switch').getAttribute('lang'), 'fr');
  // Still on the same screen, with the same plan, and the draft is still there.
  assert.equal(await page.evaluate(() => location.hash), '#/acteurs');
  assert.equal(await page.getByLabel('Name of the new actor').inputValue(), 'Acteur à moitié saisi');
  assert.match(await page.locator('#actor-editor-title').innerText(), /Repair café des Tilleuls/);
  assert.doesNotMatch(await page.locator('#actor-editor-title').innerText(), /Modifier/);

  for (const [width, height] of [[1280, 720], [360, 740]]) {
    await page.setViewportSize({ width, height });
    for (const [name, hash] of SCREENS) {
      const english = await screenText(page, hash);
      assert.doesNotMatch(english.all, KEY, `${name}: a message key shows instead of its text`);
      assert.notEqual(english.h1, french[name].h1, `${name}: the heading is still « ${english.h1} »`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (!hash.startsWith('#/projection')) assert.ok(overflow <= 0, `${name} in English at ${width}px sticks out by ${overflow}px`);
      await page.screenshot({ path: join(OUT, `en-${name}-${width}.png`) });
    }
  }

  // Numbers follow the language: the example plan's budget in English has a comma separator.
  await page.setViewportSize({ width: 1280, height: 720 });
  const conclusion = await screenText(page, '#/conclusion');
  assert.match(conclusion.all, /\d,\d{3}/, 'an English thousands separator on the dashboard');
  assert.doesNotMatch(conclusion.all, /\d\u202f\d{3}/, 'no French thousands separator left');

  // A sheet made from the kit's catalogue takes its title in the user's language.
  await page.goto(srv.url + '#/actions/catalogue');
  const entry = page.locator('li', { has: page.getByRole('button', { name: /^Create the sheet/ }) }).first();
  const idea = (await entry.locator('span').first().innerText()).trim();
  await entry.getByRole('button', { name: /^Create the sheet/ }).click();
  await page.locator('#action-title').waitFor();
  assert.equal(await page.locator('#action-title').inputValue(), idea);
  assert.doesNotMatch(idea, /[éèàç]/, `an English title: ${idea}`);

  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.locator('#lang-switch').innerText()).trim(), 'Français');

  await page.locator('#lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const back = await screenText(page, '#/conclusion');
  assert.equal(back.h1, french.conclusion.h1);
  await context.close();
});

test('the example plan opened in English is written in English, with the kit values it stores unchanged', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.locator('#lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.getByRole('button', { name: 'Open the example plan' }).click();
  await page.locator('.board').waitFor();
  await page.getByText('Saved in this browser').waitFor();
  assert.equal((await page.locator('.plan-name').innerText()).trim(), 'Example: Démoville metropolis (fictional area)');
  // Back in French, the plan's own text stays as it was written: plan data is never translated.
  await page.locator('#lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal((await page.locator('.plan-name').innerText()).trim(), 'Example: Démoville metropolis (fictional area)');
  assert.deepEqual(page.problems, []);
  await context.close();
});
