// Every screen at projector size (1280×720) and phone width (360 px): nothing may stick out
// sideways. Screenshots land in tests/e2e/artifacts/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, SCREENS as PLAN_SCREENS, settled } from './helpers.mjs';

const OUT = join(ROOT, 'tests', 'e2e', 'artifacts');
// The map and an open fiche are the actors' and actions' screens in another state.
const SCREENS = [...PLAN_SCREENS, ['carte', '#/acteurs'], ['fiche', '#/actions']];

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); await mkdir(OUT, { recursive: true }); });
after(async () => { await browser?.close(); await srv?.close(); });

test('no screen overflows sideways at 1280×720 or 360 px', async () => {
  const { context, page } = await newPage(browser);
  // The example plan fills every screen: actors, mobilisations, needs, dated and scored
  // actions, indicators, governance.
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);

  for (const [width, height] of [[1280, 720], [360, 740]]) {
    await page.setViewportSize({ width, height });
    for (const [name, hash] of SCREENS) {
      await page.goto(srv.url + hash);
      await page.locator('h1').waitFor();
      await page.getByText('Chargement du plan…').waitFor({ state: 'detached' });
      if (name === 'carte') await page.getByRole('button', { name: 'Carte et graphiques' }).click();
      if (name === 'fiche') await page.locator('.action-table').getByRole('button', { name: /^Modifier/ }).first().click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} at ${width}px sticks out by ${overflow}px`);
      await page.screenshot({ path: join(OUT, `${name}-${width}.png`) });
      if (width < 500) await page.screenshot({ path: join(OUT, `${name}-${width}-full.png`), fullPage: true });
    }
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});
