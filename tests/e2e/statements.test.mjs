// The accessibility and eco-design statements: linked from every page's footer and from
// « À propos »; the accessibility one says « partiellement conforme »; the eco-design one shows
// the figures the build measured (measures.json), never figures typed by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('both statements open from the footer and « À propos », with the build\'s own figures', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
  await page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
  assert.match(await page.locator('main').innerText(), /partiellement conforme au RGAA 4\.1/);
  assert.match(await page.locator('main').innerText(), /axe-core/);

  await footer.getByRole('link', { name: 'Écoconception' }).click();
  await page.getByRole('heading', { level: 1, name: "Déclaration d'écoconception" }).waitFor();
  const measures = JSON.parse(await readFile(join(DIST, 'measures.json'), 'utf8'));
  assert.ok(measures.first_gzip > 50_000 && measures.first_gzip <= measures.budget_gzip, JSON.stringify(measures));
  const kb = (bytes) => Math.round(bytes / 1000).toLocaleString('fr-FR').replace(/\u202f/g, ' ');
  const first = (await page.locator('.measures li').first().innerText()).replace(/[\u00a0\u202f]/g, ' ');
  assert.equal(first, `Première visite : ${kb(measures.first_gzip)} ko compressés en ${measures.first_requests} requêtes, pour un budget de ${kb(measures.budget_gzip)} ko.`);

  await page.getByRole('link', { name: 'À propos' }).click();
  await page.getByRole('heading', { level: 1, name: "À propos d'Atelier NR" }).waitFor();
  await page.locator('main').getByRole('link', { name: "Déclaration d'écoconception" }).click();
  await page.getByRole('heading', { level: 1, name: "Déclaration d'écoconception" }).waitFor();
  // Back returns to « À propos ».
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: "À propos d'Atelier NR" }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});
