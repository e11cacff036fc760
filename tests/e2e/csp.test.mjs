// The release page carries a strict Content-Security-Policy and keeps to its own origin:
// every screen, the map, an open fiche, the projector, the printable review and the exports
// work with no CSP violation and no request elsewhere; an injected inline script is refused
// and reported (the negative control: this test does see violations).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, SCREENS, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('no CSP violation and no foreign request on any screen; an injected inline script is blocked and seen', async () => {
  const { context, page } = await newPage(browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  const origin = new URL(srv.url).origin;
  const foreign = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  await page.goto(srv.url + '#/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["default-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "connect-src 'self'"]) {
    assert.ok(policy.split('; ').includes(directive), `${directive} in « ${policy} »`);
  }
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+/);
  assert.doesNotMatch(policy, /unsafe-inline/);

  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);
  for (const [name, hash] of [...SCREENS, ['bilan', '#/bilan/2026'], ['projecteur', '#/projection/1']]) {
    await page.goto(srv.url + hash);
    await page.locator('h1, .projector').first().waitFor();
    if (name === 'acteurs') {
      await page.getByRole('button', { name: 'Carte et graphiques' }).click();
      await page.locator('svg').first().waitFor();
      await page.getByRole('button', { name: 'Tableau' }).click();
    }
    if (name === 'actions') await page.locator('.action-table').getByRole('button', { name: /^Modifier/ }).first().click();
    if (name === 'projecteur') {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('c');
      await page.keyboard.press('Escape');
    }
  }
  // Exports: the plan file and the review (.odt), written in the page.
  await page.goto(srv.url + '#/conclusion');
  for (const name of ['Exporter le plan (.json)']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    assert.ok(await download.path());
  }
  await page.locator('section.bilan summary').click();
  const [odt] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Télécharger le bilan 2026/ }).click()]);
  assert.ok(await odt.path());

  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(foreign, [], 'no request outside the page’s origin');
  assert.deepEqual(page.problems, []);

  // The negative control: an inline script injected into the page neither runs nor passes
  // unseen.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.__injected), undefined, 'the injected script did not run');
  assert.match((await page.evaluate(() => window.__violations))[0], /^script-src-elem inline/);
  await context.close();
});
