// Bad files get a message that says what is wrong and where, and the stored plan stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { CENSUS, DIST, createPlan, goToStep, importCensus, noticeText } from './helpers.mjs';

let srv, browser, dir;
before(async () => {
  srv = await serve(DIST);
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'atelier-bad-'));
});
after(async () => { await browser?.close(); await srv?.close(); });

async function file(name, contents) {
  const path = join(dir, name);
  await writeFile(path, contents);
  return path;
}

test('malformed CSV files are refused with line and column, and stored actors stay', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan robuste');
  await goToStep(page, 'Qui mobiliser ?');
  await importCensus(page);
  await page.getByText('16 acteurs recensés').waitFor();

  const cases = [
    // Every row without a name: nothing to import, each row said.
    ['vide-ligne3.csv', "\uFEFFType d'acteur;Nom de l'acteur;Niveau d'engagement estimé\r\nPME;;Engagé\r\nPME;;Moteur\r\n",
      /Ligne 3, colonne « Nom de l'acteur » : le nom de l'acteur est vide/],
    ['sans-nom.csv', 'Type;Description\nPME;rien\n', /la colonne « Nom de l'acteur » est introuvable/],
    ['guillemet.csv', 'Type;Nom de l\'acteur;Description\nPME;A;ok\nPME;"Ouvert;Achats\nPME;Autre;x\n', /Ligne 3 : structure CSV invalide \(un guillemet ouvert n'est jamais refermé\)/],
    ['classeur.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), /forme d'un classeur .xlsx ou .ods, mais il est incomplet/],
  ];
  for (const [name, contents, expected] of cases) {
    await page.locator('#import-csv-file').setInputFiles(await file(name, contents));
    await page.getByText(`Import de « ${name} » refusé`).waitFor();
    const notice = await noticeText(page);
    assert.match(notice, expected, name);
    assert.match(notice, /rien n'a été enregistré/);
    assert.match(await page.locator('.table-count').innerText(), /^16 acteurs/);
    await page.getByRole('button', { name: 'Fermer le message' }).click();
  }

  await page.reload();
  await page.getByText('16 acteurs recensés').waitFor();

  // Plain « CSV » from French Excel is Windows-1252: accents must survive.
  const ansi = Buffer.from("Type d'acteur;Nom de l'acteur;Niveau d'engagement estimé\r\nÉlu;Vice-président délégué à l'écologie;Engagée\r\n", 'latin1');
  await importCensus(page, await file('ansi.csv', ansi));
  await page.getByText('17 acteurs recensés').waitFor();
  const row = page.locator('.actor-table tbody tr', { hasText: "Vice-président délégué à l'écologie" });
  assert.match(await row.innerText(), /Élu/);
  assert.match(await row.innerText(), /Engagé/);
  await context.close();
});

test('a census with two rows in error: the preview says which and why, imports the others once confirmed, stores nothing before', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan deux lignes');
  await goToStep(page, 'Qui mobiliser ?');
  const census = await readFile(CENSUS, 'utf8');
  const lines = census.split('\r\n');
  // Lines 3 and 6 of the file lose their name (the header is line 1).
  for (const i of [2, 5]) lines[i] = lines[i].replace(/^([^;]*);[^;]*;/, '$1;;');
  await page.locator('#import-csv-file').setInputFiles(await file('deux-lignes.csv', lines.join('\r\n')));
  const preview = page.locator('.import-preview');
  await preview.getByText('2 lignes ne peuvent pas être importées (les autres le peuvent) :').waitFor();
  const text = await preview.innerText();
  assert.match(text, /Ligne 3, colonne « Nom de l'acteur » : le nom de l'acteur est vide\./);
  assert.match(text, /Ligne 6, colonne « Nom de l'acteur » : le nom de l'acteur est vide\./);
  assert.match(text, /16 lignes lues/, 'every row of the file counted, the bad ones too');
  // Nothing is stored until the user confirms, even across a reload.
  await page.reload();
  await page.getByText('Aucun acteur recensé').first().waitFor();
  await page.locator('#import-csv-file').setInputFiles(join(dir, 'deux-lignes.csv'));
  await page.getByRole('button', { name: 'Importer 14 acteurs' }).click();
  await page.getByText('14 acteurs recensés').waitFor();
  await context.close();
});

test('bad plan files are refused with a precise message and no plan is touched', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan existant');
  const good = JSON.stringify({
    format: 'atelier-nr/plan', schema_version: 1, exported_at: null,
    plan: { id: '6f1c2a3b-0000-4000-8000-000000000001', name: 'P', territory: { name: '', kind: 'commune', population: null } },
    actors: [], actions: [],
  });
  const cases = [
    ['tronque.json', good.slice(0, 60), /Ligne 1, colonne \d+ : ce n'est pas du JSON valide/],
    ['tableau.json', '[1, 2, 3]', /n'est pas un plan Atelier NR : il contient un tableau/],
    ['futur.json', good.replace('"schema_version":1', '"schema_version":99'), /version plus récente d'Atelier NR \(format 99/],
    ['champ.json', good.replace('"kind":"commune"', '"kind":"village"'), /Champ « plan\.territory\.kind » : valeur inconnue/],
    ['image.json', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), /n'est pas un fichier texte/],
    ['profond.json', '['.repeat(5000) + ']'.repeat(5000), /imbriqu/],
    ['autre-app.json', JSON.stringify({ name: 'budget', version: 3 }), /champ « format »/],
    ['enorme.json', Buffer.alloc(50 * 1024 * 1024, 0x20), /50 Mo.*20 Mo/],
  ];
  for (const [name, contents, expected] of cases) {
    await page.goto(srv.url + '#/');
    await page.locator('.plan-list li').first().waitFor(); // the stored plans are shown
    await page.locator('#import-plan-file').setInputFiles(await file(name, contents));
    await page.getByText(`Import de « ${name} » refusé`).waitFor();
    assert.match(await noticeText(page), expected, name);
    assert.equal(await page.locator('.plan-list li').count(), 1, `${name} adds no plan`);
  }
  await page.reload();
  await page.locator('.plan-list li').first().waitFor();
  assert.equal(await page.locator('.plan-list li').count(), 1);
  await context.close();
});
