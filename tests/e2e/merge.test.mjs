// Two colleagues, two copies, one plan: each edits her own copy in her own browser, and one
// merges the other's file — both sets of edits kept, the one field changed on both sides shown
// as a conflict, the merge undone, done again, and kept after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, createPlan, goToStep, importCensus, settled, exportPlan } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Opens an actor's editor on step 1, runs `edit`, closes it and waits for the save. */
async function editActor(page, name, edit) {
  await page.goto(srv.url + '#/acteurs');
  await page.getByRole('button', { name: `Modifier ${name}` }).click();
  await edit();
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await settled(page);
}

/** What step 1 shows of an actor: its engagement and description, read in its editor. */
async function actorFields(page, name) {
  await page.goto(srv.url + '#/acteurs');
  await page.getByRole('button', { name: `Modifier ${name}` }).click();
  const fields = {
    engagement: await page.locator('#actor-engagement').inputValue(),
    description: await page.locator('#actor-description').inputValue(),
  };
  await page.getByRole('button', { name: 'Fermer la fiche' }).click();
  return fields;
}

/** Picks a plan file on « Mes plans » and chooses to merge it into the open plan. */
async function mergeFile(page, file) {
  await page.goto(srv.url + '#/');
  await page.locator('#import-plan-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Fusionner avec le plan ouvert' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fusionner une copie du plan' }).waitFor();
}

test('merging a colleague\'s copy keeps both sets of edits and shows the one conflict', async () => {
  const a = await newPage(browser);
  await createPlan(a.page, srv.url, 'Stratégie commune');
  await goToStep(a.page, 'Qui mobiliser ?');
  await importCensus(a.page);
  await a.page.getByText('16 acteurs recensés').waitFor();
  await settled(a.page);
  const shared = await exportPlan(a.page);

  // A colleague opens the file in her own browser: the same plan, not a stranger.
  const b = await newPage(browser);
  await b.page.goto(srv.url + '#/');
  await b.page.locator('#import-plan-file').setInputFiles(shared);
  await b.page.getByRole('button', { name: 'Importer comme nouveau plan' }).click();
  await b.page.getByText(/importé : 16 acteurs/).waitFor();

  // Different fields of one actor on each side, and one field on both (B later).
  await editActor(a.page, 'Envie 35', () => a.page.locator('#actor-engagement').selectOption('driving'));
  await editActor(a.page, 'ADEME Bretagne', () => a.page.locator('#actor-description').fill('Version de la cheffe de projet'));
  await editActor(b.page, 'Envie 35', () => b.page.locator('#actor-description').fill('Répare aussi les smartphones'));
  await editActor(b.page, 'ADEME Bretagne', () => b.page.locator('#actor-description').fill('Version du service informatique'));
  // B adds an actor and deletes another.
  await b.page.getByLabel('Nom du nouvel acteur').fill('Fablab des Champs');
  await b.page.getByRole('button', { name: "Ajouter l'acteur" }).click();
  await b.page.getByRole('button', { name: 'Fermer la fiche' }).click();
  await b.page.getByLabel('Rechercher un acteur').fill('Région Bretagne');
  await b.page.getByRole('button', { name: 'Supprimer Région Bretagne' }).click();
  await b.page.getByText(/supprimé/).first().waitFor();
  await settled(b.page);
  const theirs = await exportPlan(b.page);

  await mergeFile(a.page, theirs);
  const preview = await a.page.locator('main').innerText();
  assert.match(preview, /Ajouter « Fablab des Champs »/);
  assert.match(preview, /Supprimer « Région Bretagne »/);
  // The summary names what this copy brings, and nothing it does not (no « 0 gardé »).
  assert.match(preview, /En tout : 1 ajout, 1 modification, 1 suppression, 1 conflit\./);
  const conflicts = a.page.locator('fieldset.merge-conflict');
  assert.equal(await conflicts.count(), 1, 'only the field changed on both sides');
  assert.match(await conflicts.locator('legend').innerText(), /^ADEME Bretagne : Description — modifié des deux côtés/);
  // The later change (the colleague's) is chosen; the value here is one click away.
  assert.ok(await conflicts.getByRole('radio', { name: /Version du service informatique/ }).isChecked());
  assert.ok(!(await conflicts.getByRole('radio', { name: /Version de la cheffe de projet/ }).isChecked()));
  // The other side's edit of Envie 35 is a plain change, not a conflict.
  assert.match(preview, /Description : .* → Répare aussi les smartphones/);

  await a.page.getByRole('button', { name: 'Appliquer la fusion' }).click();
  await a.page.getByText(/fusionnée dans le plan/).waitFor();
  await settled(a.page);
  assert.deepEqual(await actorFields(a.page, 'Envie 35'), { engagement: 'driving', description: 'Répare aussi les smartphones' });
  assert.equal((await actorFields(a.page, 'ADEME Bretagne')).description, 'Version du service informatique');
  await a.page.getByText('16 acteurs recensés').waitFor(); // one added, one deleted
  assert.ok(await a.page.getByRole('button', { name: 'Modifier Fablab des Champs' }).isVisible());

  // Undo brings the plan back as it was before the merge.
  await a.page.getByRole('button', { name: 'Annuler la fusion' }).click();
  await a.page.getByText(/Plan remplacé/).waitFor();
  await settled(a.page);
  const envie = await actorFields(a.page, 'Envie 35');
  assert.equal(envie.engagement, 'driving', 'her own edit, made before the merge, stays');
  assert.notEqual(envie.description, 'Répare aussi les smartphones');
  assert.equal(await a.page.getByRole('button', { name: 'Modifier Fablab des Champs' }).count(), 0);
  assert.ok(await a.page.getByRole('button', { name: 'Modifier Région Bretagne' }).isVisible());

  // Merged again, keeping her own wording this time and refusing the colleague's delete;
  // a reload keeps the merged plan.
  await mergeFile(a.page, theirs);
  await a.page.getByRole('radio', { name: /Version de la cheffe de projet/ }).check();
  await a.page.getByRole('checkbox', { name: /Supprimer « Région Bretagne »/ }).uncheck();
  // Back and Forward redraw the preview: the choices made stay made.
  await a.page.goBack();
  await a.page.getByRole('heading', { level: 1, name: 'Mes plans' }).waitFor();
  await a.page.goForward();
  await a.page.getByRole('heading', { level: 1, name: 'Fusionner une copie du plan' }).waitFor();
  assert.ok(await a.page.getByRole('radio', { name: /Version de la cheffe de projet/ }).isChecked());
  assert.ok(!(await a.page.getByRole('checkbox', { name: /Supprimer « Région Bretagne »/ }).isChecked()));
  await a.page.getByRole('button', { name: 'Appliquer la fusion' }).click();
  await a.page.getByText(/fusionnée dans le plan/).waitFor();
  await settled(a.page);
  // An edit in another tab withdraws « Annuler la fusion » here: it would throw that edit away.
  const tab = await a.context.newPage();
  await tab.goto(srv.url + '#/acteurs');
  await tab.getByRole('button', { name: 'Modifier ANCT' }).click();
  await tab.locator('#actor-description').fill('Écrit dans un autre onglet');
  await tab.getByRole('button', { name: 'Fermer la fiche' }).click();
  await settled(tab);
  await a.page.getByRole('button', { name: 'Annuler la fusion' }).waitFor({ state: 'detached' });
  await tab.close();
  await a.page.reload();
  assert.deepEqual(await actorFields(a.page, 'Envie 35'), { engagement: 'driving', description: 'Répare aussi les smartphones' });
  assert.equal((await actorFields(a.page, 'ADEME Bretagne')).description, 'Version de la cheffe de projet');
  assert.ok(await a.page.getByRole('button', { name: 'Modifier Fablab des Champs' }).isVisible());
  assert.ok(await a.page.getByRole('button', { name: 'Modifier Région Bretagne' }).isVisible(), 'the refused delete');
  await a.page.getByText('17 acteurs recensés').waitFor();
  // The backup taken before the merge is listed on « Mes plans ».
  await a.page.goto(srv.url + '#/');
  await a.page.locator('.backups li', { hasText: 'Avant la fusion' }).first().waitFor();
  assert.deepEqual(a.page.problems, []);

  // The colleague merges the lead's copy back, with the defaults: the lead's choices come
  // with it — her wording, and the actor she kept — and the two copies agree.
  const mine = await exportPlan(a.page);
  await mergeFile(b.page, mine);
  const back = await b.page.locator('main').innerText();
  assert.match(back, /Rétablir « Région Bretagne »/);
  await b.page.getByRole('button', { name: 'Appliquer la fusion' }).click();
  await b.page.getByText(/fusionnée dans le plan/).waitFor();
  await settled(b.page);
  assert.equal((await actorFields(b.page, 'ADEME Bretagne')).description, 'Version de la cheffe de projet');
  assert.equal((await actorFields(b.page, 'ANCT')).description, 'Écrit dans un autre onglet');
  assert.deepEqual(await actorFields(b.page, 'Envie 35'), { engagement: 'driving', description: 'Répare aussi les smartphones' });
  await b.page.getByText('17 acteurs recensés').waitFor();
  assert.deepEqual(b.page.problems, []);
  await b.context.close();
  await a.context.close();
});

test('after a merge, an edit withdraws « Annuler la fusion » (it would throw the edit away); a link opened in a new tab offers the merge', async () => {
  const a = await newPage(browser);
  await createPlan(a.page, srv.url, 'Plan lien');
  await goToStep(a.page, 'Qui mobiliser ?');
  await importCensus(a.page);
  await a.page.getByText('16 acteurs recensés').waitFor();
  await settled(a.page);
  const file = await exportPlan(a.page);
  await editActor(a.page, 'Envie 35', () => a.page.locator('#actor-description').fill('Après l\'export'));
  // Merging the older export brings nothing: what changed here since is not listed.
  await mergeFile(a.page, file);
  await a.page.getByText('Cette copie n\'apporte rien de nouveau').waitFor();
  assert.ok(await a.page.getByRole('button', { name: 'Appliquer la fusion' }).isDisabled());

  // A share link of this plan, opened in a new tab of the same browser.
  await goToStep(a.page, 'Gouvernance et suite');
  await a.page.getByRole('button', { name: 'Créer le lien de partage' }).click();
  const link = await a.page.locator('#share-link').inputValue();
  const tab = await a.context.newPage();
  await tab.goto(link);
  await tab.getByRole('button', { name: 'Fusionner avec le plan ouvert' }).click();
  await tab.getByRole('heading', { level: 1, name: 'Fusionner une copie du plan' }).waitFor();
  // The link is anonymised: the census's contacts are withheld, not blanked here.
  const preview = await tab.locator('main').innerText();
  assert.match(preview, /\d+ champs de données personnelles sont absents de cette copie anonymisée/);
  assert.match(preview, /n'apporte rien de nouveau/);
  await a.context.close();
});

test('a file of another plan offers no merge', async () => {
  const a = await newPage(browser);
  await createPlan(a.page, srv.url, 'Autre plan');
  const other = await exportPlan(a.page);
  await createPlan(a.page, srv.url, 'Plan ouvert');
  await a.page.goto(srv.url + '#/');
  await a.page.locator('#import-plan-file').setInputFiles(other);
  await a.page.getByRole('button', { name: 'Importer comme nouveau plan' }).waitFor();
  assert.equal(await a.page.getByRole('button', { name: 'Fusionner avec le plan ouvert' }).count(), 0);
  await a.context.close();
});
