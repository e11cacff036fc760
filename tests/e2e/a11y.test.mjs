// No accessibility violation (axe-core: WCAG 2.1 A and AA, plus best practices) on any screen
// of the example plan, at projector size and phone width, in French and English, with the
// editors, the map, the yearly review and the projector's two themes open. axe is handed to
// the page with `page.evaluate` (as a script's text), so it runs under the page's own CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, SCREENS, settled } from './helpers.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Every state to check: a screen's address, and what to open on it once drawn. */
const STATES = [
  ...SCREENS.map(([name, hash]) => [name, hash, null]),
  ['carte', '#/acteurs', (page) => page.getByRole('button', { name: /^(Carte et graphiques|Map and charts)$/ }).click()],
  ['acteur ouvert', '#/acteurs', (page) => page.locator('.actor-table').getByRole('button', { name: /^(Modifier|Edit)/ }).first().click()],
  ['fiche ouverte', '#/actions', (page) => page.locator('.action-table').getByRole('button', { name: /^(Modifier|Edit)/ }).first().click()],
  ['bilan', '#/conclusion', (page) => page.locator('section.bilan summary').click()],
  ['bilan imprimable', '#/bilan/2026', null],
  ['projecteur', '#/projection/1', null],
  ['projecteur contraste', '#/projection/3', (page) => page.keyboard.press('c')],
];

/** The violations axe finds on the page as it is, one line each: rule, and where. */
async function violations(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} in all` : ''}`);
  });
  return found;
}

for (const lang of ['fr', 'en']) {
  test(`axe finds no violation on any screen of the example plan (${lang}, 1280×720 and 360 px)`, async () => {
    const { context, page } = await newPage(browser);
    await page.clock.setFixedTime(new Date('2026-12-02T10:00:00Z'));
    await page.goto(srv.url + '#/');
    if (lang === 'en') {
      await page.locator('#lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    await page.locator('.home-actions button, button').filter({ hasText: /plan d'exemple|example plan/ }).first().click();
    await page.locator('.board').waitFor();
    await settled(page).catch(() => {});
    const report = [];
    for (const [width, height] of [[1280, 720], [360, 740]]) {
      await page.setViewportSize({ width, height });
      for (const [name, hash, open] of STATES) {
        await page.goto(srv.url + hash);
        await page.locator('h1, .projector').first().waitFor();
        await page.locator('.loading').waitFor({ state: 'detached' }).catch(() => {});
        if (open) await open(page);
        await page.waitForTimeout(150);
        for (const v of await violations(page)) report.push(`${name} ${width}px: ${v}`);
        if (name === 'carte') await page.getByRole('button', { name: /^(Tableau|Table)$/ }).click();
        if (hash.startsWith('#/projection')) await page.keyboard.press('Escape');
      }
    }
    assert.deepEqual(report, []);
    await context.close();
  });
}
