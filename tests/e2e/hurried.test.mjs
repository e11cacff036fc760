// What a hurried project lead trips over (issue 17): a double click makes one plan; a pasted
// title too long is refused with a message, never cut silently; an actor typed twice is
// noticed; the context says what the law expects and when; cards carry their pilot and due
// date; a progress says « du chemin parcouru », not a second « % ».
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, CENSUS, createPlan, goToStep, importCensus, settled } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('re-importing the census says what it would change, keeps the level set in the app, and can be undone', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan réimport');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  // Set in the app: Envie 35 is « Moteur » (the file says « Engagé »), and a note of hers.
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  await page.locator('#actor-engagement').selectOption('driving');
  await page.locator('#actor-description').fill('Partenaire du réemploi, vu en réunion');
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await settled(page);

  // The same census, updated since: Envie 35 has a new referent.
  const { readFile, writeFile, mkdtemp } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const updated = join(await mkdtemp(join(tmpdir(), 'atelier-reimport-')), 'recensement.csv');
  const text = (await readFile(CENSUS, 'utf8')).replace('Responsable partenariats', 'Nouvelle référente');
  assert.ok(text.includes('Nouvelle référente'));
  await writeFile(updated, text);
  await page.locator('#import-csv-file').setInputFiles(updated);
  await page.getByText('16 doublons possibles').waitFor();
  const envie = page.locator('.preview-table tr', { hasText: 'Envie 35' });
  assert.match(await envie.innerText(), /Niveau d'engagement : Moteur est conservé, car saisi dans l'application \(le fichier dit Engagé\)/);
  await page.getByRole('button', { name: "Mettre à jour l'existant" }).click();
  await page.getByRole('button', { name: 'Importer 16 acteurs' }).click();
  await page.getByText('16 acteurs importés').waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  assert.equal(await page.locator('#actor-engagement').inputValue(), 'driving', 'the level set in the app is kept');
  assert.match(await page.locator('#actor-referent').inputValue(), /Nouvelle référente/, 'what the app did not set is updated');
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();

  // The import changed existing actors: it can be undone, and a backup was kept first.
  await page.getByRole('button', { name: "Annuler l'import" }).click();
  await page.getByText(/Plan remplacé/).waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  assert.match(await page.locator('#actor-referent').inputValue(), /Responsable partenariats/, 'the referent from before the import');
  assert.equal(await page.locator('#actor-engagement').inputValue(), 'driving');
  await page.goto(srv.url + '#/');
  await page.locator('.backups li', { hasText: 'Avant un import qui met à jour des acteurs' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('qualifying from the table: the active row by keyboard, or every actor shown at once, undone from the notice', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan qualification rapide');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await settled(page);
  const row = (name) => page.locator('.actor-table tbody tr.row', { has: page.locator('th', { hasText: name }) });
  // Full values on hover: the family cell carries its whole text.
  assert.equal(await row('Ville de Rennes').locator('td').nth(1).getAttribute('title'), await row('Ville de Rennes').locator('td').nth(1).innerText());

  // The keyboard reaches Envie 35's row: that row is the one the editor changes, and its
  // values show in full under the table.
  await row('Envie 35').getByRole('button', { name: 'Modifier Envie 35' }).focus();
  assert.match(await page.locator('.row-detail').innerText(), /^Envie 35 · Association dans le NR \(seconde vie\) · Organismes associatifs · /);
  await page.getByRole('button', { name: 'Qualifier rapidement' }).click();
  const editor = page.locator('#quick-qualify');
  assert.ok(await editor.getByRole('radio', { name: /choisi dans le tableau : Envie 35/ }).isChecked());
  await editor.getByLabel("Niveau d'engagement").selectOption('driving');
  await editor.getByRole('button', { name: 'Appliquer' }).click();
  await page.getByText('1 acteur modifié.').waitFor();
  assert.match(await row('Envie 35').innerText(), /Moteur/);

  // Every actor the search shows, in one go.
  await page.getByLabel('Rechercher un acteur').fill('Rennes');
  const shown = Number((await page.locator('.table-count').innerText()).match(/(\d+) affichés/)[1]);
  assert.ok(shown >= 2, `${shown} actors shown`);
  await editor.getByRole('radio', { name: /acteurs affichés/ }).check();
  await editor.getByLabel('Cercle').selectOption('3');
  await editor.getByRole('button', { name: 'Appliquer' }).click();
  await page.getByText(/\d+ acteurs? modifiés?\./).waitFor();
  const circles = await page.locator('.actor-table tbody tr.row td:nth-of-type(5)').allInnerTexts();
  assert.deepEqual([...new Set(circles)], ['3']);
  await settled(page);
  await page.reload();
  await page.getByLabel('Rechercher un acteur').fill('Rennes');
  assert.deepEqual([...new Set(await page.locator('.actor-table tbody tr.row td:nth-of-type(5)').allInnerTexts())], ['3'], 'stored');

  // Undone: the circles as they were (the engagement change stays).
  await page.getByRole('button', { name: 'Qualifier rapidement' }).click();
  await editor.getByRole('radio', { name: /acteurs affichés/ }).check();
  await editor.getByLabel('Cercle').selectOption('1');
  await editor.getByRole('button', { name: 'Appliquer' }).click();
  await page.getByRole('button', { name: 'Annuler la modification' }).click();
  await page.getByText('Modification annulée.').waitFor();
  assert.deepEqual([...new Set(await page.locator('.actor-table tbody tr.row td:nth-of-type(5)').allInnerTexts())], ['3']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('with « Qualifier rapidement » open and no row chosen yet, a click on a row\'s « Modifier » opens that actor (the editor above does not move the table under the pointer)', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan qualification puis fiche');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();
  await page.getByLabel('Rechercher un acteur').fill('Rennes');
  await page.getByRole('button', { name: 'Qualifier rapidement' }).click();
  await page.locator('#quick-qualify').getByText('cliquez sur une ligne, ou allez-y avec Tab').waitFor();
  await page.getByRole('button', { name: 'Modifier Ville de Rennes' }).click();
  assert.equal(await page.locator('#actor-name').inputValue(), 'Ville de Rennes');
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();

  // That click chose the row: « Appliquer » now changes Ville de Rennes alone, not every actor shown.
  const panel = page.locator('#quick-qualify');
  assert.ok(await panel.getByRole('radio', { name: /choisi dans le tableau : Ville de Rennes/ }).isChecked());
  await panel.getByLabel("Niveau d'engagement").selectOption('aware');
  await panel.getByRole('button', { name: 'Appliquer' }).click();
  await page.getByText('1 acteur modifié.').waitFor();

  // The active row deleted: nothing to change, and the message says so.
  await page.getByRole('button', { name: 'Supprimer Ville de Rennes' }).click();
  await panel.getByText('cliquez sur une ligne, ou allez-y avec Tab').waitFor();
  await panel.getByRole('button', { name: 'Appliquer' }).click();
  await page.getByText('Aucun acteur à modifier').waitFor();

  // On a phone, the open panel fits the screen: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll');
  assert.ok((await panel.boundingBox()).width <= 390);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a double click on « Créer le plan » makes one plan', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.getByLabel('Nom du plan').fill('Stratégie NR 2027');
  await page.getByRole('button', { name: 'Créer le plan' }).dblclick();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await settled(page);
  await page.goto(srv.url + '#/');
  await page.locator('.plan-list').getByText('Stratégie NR 2027').first().waitFor();
  assert.equal(await page.locator('.plan-list-name', { hasText: 'Stratégie NR 2027' }).count(), 1);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a title near 300 characters says the room left; a pasted one over is refused with a message and the stored one stays', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan pressé');
  const name = page.getByLabel('Nom du plan');
  // Near the limit, the field says how much room is left.
  await name.fill('x'.repeat(290));
  await page.getByText('Encore 10 caractères possibles').waitFor();
  await name.fill('Plan pressé');
  await page.getByText('Encore 10 caractères possibles').waitFor({ state: 'detached' });
  const long = 'Stratégie territoriale du numérique responsable '.repeat(9);
  assert.ok(long.length > 300);
  await name.fill(long);
  await page.getByText('Ce texte dépasse 300 caractères').waitFor();
  assert.equal(await name.inputValue(), long, 'nothing was cut under the user');
  await settled(page);
  await page.reload();
  assert.equal(await page.getByLabel('Nom du plan').inputValue(), 'Plan pressé');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('adding an actor whose name is already listed asks first, and can open the existing one', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan doublons');
  await goToStep(page, 'Qui mobiliser ?');
  const add = async (n) => {
    await page.getByLabel('Nom du nouvel acteur').fill(n);
    await page.getByRole('button', { name: 'Ajouter l\'acteur' }).click();
  };
  await add('Envie 35');
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await add('ENVIE 35');
  const question = page.getByRole('alertdialog');
  await question.getByText('Un acteur nommé « ENVIE 35 » est déjà recensé').waitFor();
  await question.getByRole('button', { name: "Ouvrir l'acteur existant" }).click();
  await page.getByText('1 acteur recensé').waitFor();
  assert.equal(await page.locator('#actor-name').inputValue(), 'Envie 35');
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await add('Envie 35');
  await page.getByRole('button', { name: 'Ajouter un second acteur' }).click();
  await page.getByText('2 acteurs recensés').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the example plan: the law box says what is due, cards show pilot and due date, progress reads « du chemin parcouru »', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  const card = page.locator('.board .card', { hasText: "Mesurer l'impact environnemental" });
  await card.waitFor();
  assert.match(await card.locator('.card-meta').innerText(), /Direction du numérique.*échéance 18\/12\/2026|échéance 18\/12\/2026/);
  await goToStep(page, 'Contexte');
  assert.match(await page.locator('.reen-due').innerText(), /1er janvier 2025[\s\S]*bilan chaque année/);
  await goToStep(page, 'Quelles actions ?');
  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name: 'Liste' }).click();
  await page.getByRole('button', { name: "Modifier Mesurer l'impact environnemental du numérique à l'échelle du territoire" }).click();
  assert.match(await page.locator('.indicator-summary').first().innerText(), /— 42 % du chemin parcouru/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('an amount typed key by key that ends up unreadable puts back the amount from before, as the message says; Escape answers a question', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await goToStep(page, 'Quelles actions ?');
  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name: 'Liste' }).click();
  await page.getByRole('button', { name: "Modifier Mesurer l'impact environnemental du numérique à l'échelle du territoire" }).click();
  const amount = page.getByLabel('Montant de la ligne 1 en euros');
  assert.equal(await amount.inputValue(), '40000');
  await amount.fill('');
  await amount.pressSequentially('1e3', { delay: 30 });
  await page.getByRole('alert').filter({ hasText: 'Ligne 1' }).waitFor();
  await amount.press('Tab');
  await settled(page);
  await page.reload();
  await page.getByRole('button', { name: "Modifier Mesurer l'impact environnemental du numérique à l'échelle du territoire" }).click();
  assert.equal(await page.getByLabel('Montant de la ligne 1 en euros').inputValue(), '40000', 'not « 1 », the part typed before the « e »');
  // Typed key by key, « 3,5 k€ » is not rewritten on the way (« 3, » stays « 3, »).
  const again = page.getByLabel('Montant de la ligne 1 en euros');
  await again.fill('');
  await again.pressSequentially('3,5 k€', { delay: 40 });
  assert.equal(await again.inputValue(), '3,5 k€');
  await page.locator('.budget-table caption').filter({ hasText: /Fonctionnement : 3\s?500\s€/ }).waitFor();
  await page.keyboard.press('Escape');

  // A question (deleting an actor other records point at) goes away with Escape, and nothing is deleted.
  await goToStep(page, 'Qui mobiliser ?');
  await page.getByRole('button', { name: 'Supprimer Repair café des Tilleuls' }).click();
  const question = page.getByRole('alertdialog');
  await question.waitFor();
  // Focus goes to the safe answer, as a keyboard user sees it before pressing Escape.
  await page.waitForFunction(() => document.activeElement?.id === 'confirm-keep');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  await page.getByText('12 acteurs recensés').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('budget in the list and per axis on the dashboard; Back closes an open fiche or actor first, puts focus back on its row, then leaves the screen', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);
  await page.goto(srv.url + '#/conclusion');
  await page.getByRole('heading', { level: 1, name: /Gouvernance et suite/ }).waitFor();
  // The dashboard gives each axis's planned budget, the list each fiche's.
  const axes = (await page.locator('.dashboard .bars').nth(1).innerText()).replace(/[\u00a0\u202f]/g, ' ');
  assert.match(axes, /Connaître pour mieux agir[\s\S]*1 · 40 000 € prévus/);
  await page.goto(srv.url + '#/actions');
  const row = page.locator('.action-table tbody tr', { hasText: "Mesurer l'impact environnemental" });
  assert.match((await row.innerText()).replace(/[\u00a0\u202f]/g, ' '), /40 000 €/);
  const edit = page.locator('.action-table').getByRole('button', { name: /^Modifier/ }).first();
  await edit.click();
  const editor = page.locator('section[aria-labelledby="action-editor-title"]');
  await editor.waitFor();
  await page.goBack();
  await editor.waitFor({ state: 'detached' });
  assert.ok(page.url().endsWith('#/actions'), page.url());
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('edit-'));
  // Closed with its own button, the fiche leaves no extra step in the history.
  await edit.click();
  await editor.waitFor();
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: /Gouvernance et suite/ }).waitFor();

  // A view switched with the fiche open, or a reload with it open: still no Back in vain.
  // (A person's Back presses are some time apart: `human` waits as long between two.)
  const human = async () => { await page.goBack(); await page.waitForTimeout(400); };
  await page.goto(srv.url + '#/actions');
  await edit.click();
  await editor.waitFor();
  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name: 'Tableau par statut' }).click();
  await page.locator('.board').waitFor();
  await human(); // closes the fiche
  assert.equal(await editor.count(), 0);
  await human(); // back to the list
  assert.ok(page.url().endsWith('#/actions'), page.url());
  await human(); // leaves the step
  assert.ok(page.url().endsWith('#/conclusion'), page.url());
  await page.goto(srv.url + '#/actions');
  await edit.click();
  await editor.waitFor();
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('.action-table').waitFor();
  await page.waitForTimeout(400);
  await human(); // the reload closed the fiche: one Back leaves the step
  assert.ok(page.url().endsWith('#/conclusion'), page.url());

  // The same for an actor.
  await page.goto(srv.url + '#/acteurs');
  await page.locator('.actor-table').getByRole('button', { name: /^Modifier/ }).first().click();
  const actor = page.locator('section[aria-labelledby="actor-editor-title"]');
  await actor.waitFor();
  await page.goBack();
  await actor.waitFor({ state: 'detached' });
  assert.ok(page.url().endsWith('#/acteurs'), page.url());
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('on a phone (390×844): header and step bar within about 120 px, sticky fiche names on the roadmap, a readable matrix caption, nothing overlapping in the projector', async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await settled(page);
  for (const hash of ['#/contexte', '#/acteurs', '#/actions', '#/conclusion']) {
    await page.goto(srv.url + hash);
    await page.locator('h1').waitFor();
    const bottom = await page.evaluate(() => document.querySelector('.step-bar').getBoundingClientRect().bottom);
    assert.ok(bottom <= 125, `${hash}: header and step bar end at ${bottom} px`);
    const name = await page.evaluate(() => document.querySelector('.plan-name').getBoundingClientRect().height);
    assert.ok(name < 30, `the plan name is one line (${name} px)`);
  }
  await page.screenshot({ path: new URL('./artifacts/phone-header-390.png', import.meta.url).pathname });

  // The roadmap keeps each fiche's name in view while its quarters scroll sideways.
  await page.goto(srv.url + '#/actions/feuille-de-route');
  const wrap = page.locator('.roadmap-wrap');
  await wrap.waitFor();
  await wrap.evaluate((el) => { el.scrollLeft = 250; });
  const [wrapLeft, titleLeft] = await page.evaluate(() => [
    document.querySelector('.roadmap-wrap').getBoundingClientRect().left,
    document.querySelector('.roadmap-row:not(.roadmap-head) .roadmap-title').getBoundingClientRect().left,
  ]);
  assert.ok(titleLeft >= wrapLeft - 1, `the fiche name scrolled out (${titleLeft} < ${wrapLeft})`);
  // The matrix caption reads as a sentence, not one word per line.
  await page.goto(srv.url + '#/actions/matrice');
  const caption = await page.locator('.matrix caption').evaluate((c) => c.getBoundingClientRect().height);
  assert.ok(caption < 90, `matrix caption ${caption} px high`);
  // The projector's help line and slide number do not overlap.
  await page.goto(srv.url + '#/projection/4');
  await page.locator('.projector-help').waitFor();
  const [help, number] = await page.evaluate(() => [document.querySelector('.projector-help'), [...document.querySelectorAll('.slide-number')].find((n) => n.offsetParent)]
    .map((el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }));
  const overlap = !(help[2] <= number[0] || number[2] <= help[0] || help[3] <= number[1] || number[3] <= help[1]);
  assert.ok(!overlap, `help ${help} overlaps slide number ${number}`);
  await context.close();
});

test('one quick win for every screen: a fiche scored low effort and high impact is one in the matrix, on the dashboard and in the projector, whose slide is left out while there is none', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan gains rapides');
  // No fiche yet: the deck has no quick-win slide rather than an empty one.
  await page.goto(srv.url + '#/projection/1');
  await page.locator('.slide-current').waitFor();
  assert.equal(await page.locator('.slide-current .slide-number').innerText(), '1 / 10');
  assert.equal(await page.getByRole('heading', { name: 'Nos premiers gains rapides' }).count(), 0);
  await page.keyboard.press('Escape');
  // A presenter in another tab, on the last slide.
  const presenter = await context.newPage();
  await presenter.goto(srv.url + '#/projection/10');
  await presenter.locator('.slide-current .slide-number', { hasText: '10 / 10' }).waitFor();
  const last = await presenter.locator('.slide-current h1').innerText();

  // Her fiche: impact « Fort », effort « Faible », box left alone.
  await goToStep(page, 'Quelles actions ?');
  await page.getByLabel('Intitulé de la fiche action').fill('Éteindre les écrans la nuit');
  await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
  await page.getByLabel('Impact attendu').selectOption('3');
  await page.getByLabel('Effort nécessaire').selectOption('1');
  await page.getByText("compte d'office comme gain rapide").waitFor();
  assert.ok(await page.getByLabel('Gain rapide').isChecked(), 'the box shows what every screen counts');
  // A second fiche, not scored, ticked by hand: a quick win too.
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await page.getByLabel('Intitulé de la fiche action').fill('Trier les boîtes mail partagées');
  await page.getByRole('button', { name: 'Ajouter la fiche' }).click();
  await page.getByLabel('Gain rapide').check();
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await settled(page);

  // The deck gained its quick-win slide: the presenter's slide stays on screen, renumbered.
  await presenter.locator('.slide-current .slide-number', { hasText: '11 / 11' }).waitFor();
  assert.equal(await presenter.locator('.slide-current h1').innerText(), last);
  assert.ok(presenter.url().endsWith('#/projection/11'));

  await page.getByRole('navigation', { name: "Vues du plan d'actions" }).getByRole('link', { name: 'Impact et effort' }).click();
  assert.match(await page.locator('td.quick-zone', { hasText: 'Éteindre les écrans' }).innerText(), /★ gain rapide/);
  await page.goto(srv.url + '#/conclusion');
  await page.getByText('gains rapides réalisés').waitFor();
  assert.match(await page.locator('.kpi', { hasText: 'gains rapides réalisés' }).innerText(), /0 \/ 2 gains rapides réalisés/);
  await page.goto(srv.url + '#/projection/9');
  await page.locator('.slide-current').waitFor();
  const slide = page.locator('.slide-current');
  assert.equal(await slide.getByRole('heading', { level: 1 }).innerText(), 'Nos premiers gains rapides');
  assert.match(await slide.innerText(), /Éteindre les écrans la nuit[\s\S]*Trier les boîtes mail partagées/);
  assert.equal(await slide.locator('.slide-number').innerText(), '9 / 11');
  assert.deepEqual(page.problems, []);
  await context.close();
});
