// Failures found by trying to break steps 2 and 3, each kept as a test: lists that showed the
// wrong line after a removal, fields saved only on blur, values silently turned into 0 or
// nothing, a second tab overwriting the first, editors left open on deleted records, focus
// lost, and records coming back in another order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, createPlan, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const MUT = 'Mutualiser les services numériques des communes de la métropole';

async function example(page) {
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);
}

async function newFiche(page, title) {
  await page.goto(srv.url + '#/actions');
  await page.getByLabel('Intitulé de la fiche action').fill(title);
  await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
  await page.locator('#action-title').waitFor();
}

const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

test('budget lines save as typed, show their own values after a removal, and refuse bad amounts', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Budget');
  await newFiche(page, 'Serveurs mutualisés');
  for (const [label, amount] of [['Serveurs', '5000'], ['Licences', '1200']]) {
    await page.getByRole('button', { name: 'Ajouter une ligne de budget' }).click();
    const n = await page.locator('.budget-table tbody tr').count();
    await page.getByLabel(`Objet de la ligne ${n}`).pressSequentially(label, { delay: 20 });
    await page.getByLabel(`Montant de la ligne ${n} en euros`).fill(amount);
  }
  await page.getByRole('button', { name: 'Retirer la ligne 1' }).click();
  assert.equal(await page.getByLabel('Objet de la ligne 1').inputValue(), 'Licences', 'the remaining row shows the remaining line');
  assert.match(await page.locator('.budget-table caption').innerText(), /Investissement : 1\s?200\s€/);

  // « 1,5 k€ » is what people type: read as 1 500 €, not « 15 ».
  await page.getByLabel('Montant de la ligne 1 en euros').fill('1,5 k€');
  await page.locator('.budget-table caption').filter({ hasText: /Investissement : 1\s?500\s€/ }).waitFor();
  await page.getByLabel('Montant de la ligne 1 en euros').fill('1200');
  await page.getByLabel('Montant de la ligne 1 en euros').fill('-500');
  assert.match(await page.getByRole('alert').filter({ hasText: 'Ligne 1' }).innerText(), /euros entiers/);
  assert.match(await page.locator('.budget-table caption').innerText(), /1\s?200\s€/, 'the stored amount is kept');
  await settled(page);
  await page.reload();
  await page.getByRole('button', { name: 'Modifier Serveurs mutualisés' }).click();
  assert.equal(await page.getByLabel('Objet de la ligne 1').inputValue(), 'Licences', 'typed text survives a reload without leaving the field');
  assert.equal(await page.getByLabel('Montant de la ligne 1 en euros').inputValue(), '1200');
  await page.getByRole('button', { name: 'Retirer la ligne 1' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'add-budget-line');
  assert.equal(await focused(page), 'add-budget-line', 'focus goes to « Ajouter » once no line is left');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('an implausible date or a target typed as text keeps the stored value and says why', async () => {
  const { context, page } = await newPage(browser);
  await example(page);
  await page.goto(srv.url + '#/actions');
  await page.getByRole('button', { name: `Modifier ${MUT}` }).click();
  // Titles have a sane length: a longer paste is refused with a message, never cut.
  assert.equal(await page.locator('#action-title').getAttribute('maxlength'), null);
  await page.locator('#action-title').fill('x'.repeat(301));
  await page.getByText('Ce texte dépasse 300 caractères').waitFor();
  await page.locator('#action-title').fill(MUT);
  const due = await page.getByLabel('Échéance').inputValue();
  await page.getByLabel('Échéance').fill('0202-12-17');
  await page.getByText('Année hors de 1990 à 2100').waitFor();
  await page.getByLabel('Début', { exact: true }).fill('2030-01-01');
  await page.getByText("L'échéance tombe avant le début").waitFor();
  await settled(page);
  await page.keyboard.press('Escape');
  const row = page.locator('.action-table tbody tr', { hasText: MUT });
  const [y, m, d] = due.split('-');
  assert.match(await row.innerText(), new RegExp(`${d}/${m}/${y}`), 'the échéance is unchanged');

  // Governance dates in the wrong order are pointed out too.
  await page.goto(srv.url + '#/conclusion');
  await page.getByLabel('Dernière revue').fill('2027-06-01');
  await page.getByText('La prochaine revue tombe avant la dernière').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a second tab follows every field of a fiche and never overwrites it', async () => {
  const { context, page: a } = await newPage(browser);
  await example(a);
  const b = await context.newPage();
  for (const p of [a, b]) {
    await p.goto(srv.url + '#/actions');
    await p.getByRole('button', { name: `Modifier ${MUT}` }).click();
  }
  await a.getByLabel('Description').fill('Texte écrit dans le premier onglet');
  await a.getByLabel('Description').press('Tab'); // a field being typed in is never overwritten
  await settled(a);
  await b.waitForFunction(() => document.querySelector('#action-description')?.value === 'Texte écrit dans le premier onglet');
  await b.getByLabel('Description').press('End');
  await b.getByLabel('Description').pressSequentially(' +B');
  await b.getByLabel('Description').press('Tab');
  await settled(b);
  await a.waitForFunction(() => document.querySelector('#action-description')?.value === 'Texte écrit dans le premier onglet +B');
  await context.close();
});

test('deleting a record closes its editor, and closing an editor returns focus to what opened it', async () => {
  const { context, page } = await newPage(browser);
  await example(page);
  await page.goto(srv.url + '#/mobiliser');
  const row = page.locator('tbody tr', { hasText: 'Des initiatives menées en commun' });
  await row.getByRole('button', { name: /^Modifier/ }).click();
  await page.locator('#mob-owner').waitFor();
  await row.getByRole('button', { name: /^Supprimer/ }).click();
  await page.locator('#mob-owner').waitFor({ state: 'detached' });

  await page.goto(srv.url + '#/actions/tableau');
  await page.getByRole('button', { name: MUT, exact: true }).click();
  await page.locator('#action-title').waitFor();
  await page.keyboard.press('Escape');
  // Focus moves once the board is drawn again, in the next frame.
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('card-'));
  assert.match(await focused(page), /^card-/, 'back on the card');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('toggling an actor checkbox keeps focus on that actor, and new fiches keep their order', async () => {
  const { context, page } = await newPage(browser);
  await example(page);
  await page.goto(srv.url + '#/actions');
  await page.getByRole('button', { name: `Modifier ${MUT}` }).click();
  const box = page.getByRole('checkbox', { name: 'Commune de Démoville-sur-Rive' });
  await box.focus();
  await page.keyboard.press('Space');
  assert.equal(await box.isChecked(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), 'Commune de Démoville-sur-Rive');
  await page.keyboard.press('Space');
  assert.equal(await box.isChecked(), true, 'the second Space re-links the same actor');
  await page.keyboard.press('Escape');

  const titles = ['Premier', 'Deuxième', 'Troisième', 'Quatrième'];
  for (const t of titles) {
    await page.getByLabel('Intitulé de la fiche action').fill(t);
    await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
    await page.keyboard.press('Escape');
  }
  await settled(page);
  await page.goto(srv.url + '#/actions/tableau');
  await page.reload();
  await page.locator('.board').waitFor();
  const planned = await page.locator('section.board-column', { hasText: 'À venir' }).locator('.card-title').allInnerTexts();
  assert.deepEqual(planned.filter((t) => titles.includes(t)), titles, 'creation order survives a reload');
  assert.deepEqual(page.problems, []);
  await context.close();
});
