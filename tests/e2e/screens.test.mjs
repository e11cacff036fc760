// Every screen at projector size (1280×720) and phone width (360 px): nothing may stick out
// sideways. Screenshots land in tests/e2e/artifacts/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, ROOT, createPlan, goToStep, importCensus, settled } from './helpers.mjs';

const OUT = join(ROOT, 'tests', 'e2e', 'artifacts');
const SCREENS = [
  ['home', '#/'],
  ['contexte', '#/contexte'],
  ['acteurs', '#/acteurs'],
  ['carte', '#/acteurs'],
  ['mobiliser', '#/mobiliser'],
  ['actions', '#/actions'],
  ['conclusion', '#/conclusion'],
];

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); await mkdir(OUT, { recursive: true }); });
after(async () => { await browser?.close(); await srv?.close(); });

test('no screen overflows sideways at 1280×720 or 360 px', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Stratégie NR de la Métropole');
  await page.getByLabel('Territoire').fill('Métropole de démonstration');
  await page.getByLabel('Type de collectivité').selectOption('metropole');
  await page.getByLabel('Population (habitants)').fill('450000');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await goToStep(page, 'Quelles actions ?');
  await page.getByLabel('Intitulé de la fiche action').fill('Collecte de matériel informatique');
  await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
  await page.getByLabel('Envie 35').check();
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await settled(page);

  for (const [width, height] of [[1280, 720], [360, 740]]) {
    await page.setViewportSize({ width, height });
    for (const [name, hash] of SCREENS) {
      await page.goto(srv.url + hash);
      await page.locator('h1').waitFor();
      await page.getByText('Chargement du plan…').waitFor({ state: 'detached' });
      if (name === 'carte') await page.getByRole('button', { name: 'Carte et graphiques' }).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} at ${width}px sticks out by ${overflow}px`);
      await page.screenshot({ path: join(OUT, `${name}-${width}.png`) });
      if (width < 500) await page.screenshot({ path: join(OUT, `${name}-${width}-full.png`), fullPage: true });
    }
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});
