// Spreadsheets both ways, checked with the real client: LibreOffice headless opens what the
// browser downloaded (.ods, .xlsx) and writes the files read back. A census kept in Excel is
// dropped on step 1; an action plan exported as .ods, edited by LibreOffice, re-imported;
// the whole plan's workbook read by LibreOffice with its dates, amounts and accents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage } from './browser.mjs';
import { DIST, FIXTURES, createPlan, goToStep, noticeText, settled } from './helpers.mjs';
import { convert, sheetsOf } from './office.mjs';

let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Drops the file at `path` on the page, as a file dragged from the desktop. */
async function dropFile(page, path) {
  const name = path.split('/').pop();
  const b64 = (await readFile(path)).toString('base64');
  const data = await page.evaluateHandle(({ b64, name }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name));
    return transfer;
  }, { b64, name });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
}

/** Clicks a download button; returns the downloaded file's path under its suggested name. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = join(await file.path() + '-dir-' + file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** Whitespace of any kind (LibreOffice writes thousands with a no-break space) removed. */
const squeeze = (s) => s.replace(/[\s\u00a0\u202f]/g, '');

test('a census kept in Excel, dropped on step 1, imports like the CSV; a workbook of two sheets offers the choice', async () => {
  const { context, page } = await newPage(browser);
  await createPlan(page, srv.url, 'Plan Excel');
  await goToStep(page, 'Qui mobiliser ?');
  await dropFile(page, join(FIXTURES, 'recensement-acteurs-exemple.xlsx'));
  const preview = page.locator('.import-preview');
  await preview.getByRole('heading', { name: /recensement-acteurs-exemple\.xlsx/ }).waitFor();
  assert.match(await preview.innerText(), /16 lignes lues dans la feuille/);
  await preview.getByRole('button', { name: 'Importer 16 acteurs' }).click();
  await page.getByText('16 acteurs recensés').waitFor();
  const envie = page.locator('.actor-table tbody tr', { hasText: 'Envie 35' });
  assert.match(await envie.innerText(), /Engagé/);

  // Two sheets, the census on the second: it is found, and the other can be chosen.
  await createPlan(page, srv.url, 'Plan deux feuilles');
  await goToStep(page, 'Qui mobiliser ?');
  await page.locator('#import-csv-file').setInputFiles(join(FIXTURES, 'recensement-deux-feuilles.ods'));
  const sheet = page.getByLabel('Feuille à lire');
  await sheet.waitFor();
  assert.equal(await sheet.locator('option:checked').innerText(), 'Acteurs');
  const text = await preview.innerText();
  assert.match(text, /3 lignes lues dans la feuille « Acteurs »/);
  // The other sheet has no census: a clear answer, and the preview of « Acteurs » stays.
  await sheet.selectOption({ label: 'Lisez-moi' });
  await page.locator('.notice-area').filter({ hasText: 'recensement-deux-feuilles.ods' }).waitFor();
  assert.match(await noticeText(page), /Lisez-moi/);
  await preview.getByRole('button', { name: 'Importer 3 acteurs' }).click();
  await page.getByText('3 acteurs recensés').waitFor();
  // A date cell is a date, a phone number alone is a contact.
  await page.getByRole('button', { name: 'Modifier Envie 35' }).click();
  assert.equal(await page.locator('#actor-found-on').inputValue(), '2026-03-12');
  await context.close();
});

test('an action plan exported as .ods, edited by LibreOffice, reads back with that one change, and applying it moves the fiche', async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 1400 } });
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  const planned = page.locator('section.board-column', { hasText: 'À venir' });
  const title = (await planned.locator('li.card .card-title').first().innerText()).trim();

  await page.locator('.sheets-fold summary').click();
  const ods = await download(page, "Exporter le plan d'actions (LibreOffice .ods)");
  assert.match(ods.name, /^plan-actions-.*\.ods$/);

  // LibreOffice opens it, the status of that fiche is changed in its XML, and LibreOffice
  // writes the .ods back.
  const [fods] = await convert(ods.path, 'fods');
  const xml = await readFile(fods, 'utf8');
  const rows = xml.split('<table:table-row');
  const at = rows.findIndex((r) => r.includes(`>${title.replace(/'/g, '&apos;')}<`) || r.includes(`>${title}<`));
  assert.ok(at > 0, `the row of « ${title} » is in LibreOffice's file`);
  assert.match(rows[at], /<text:p>À venir<\/text:p>/);
  rows[at] = rows[at].replace('<text:p>À venir</text:p>', '<text:p>En cours</text:p>');
  const edited = fods.replace(/\.fods$/, '-modifie.fods');
  await writeFile(edited, rows.join('<table:table-row'));
  const [back] = await convert(edited, 'ods');

  await page.locator('#import-actions-file').setInputFiles(back);
  const preview = page.locator('.import-preview');
  await preview.getByRole('heading', { name: /Plan d'actions lu dans/ }).waitFor();
  assert.match(await preview.innerText(), /nouvelles fiches : 0 ; fiches modifiées : 1\./);
  const changed = preview.locator('tbody tr', { hasText: title });
  assert.match(await changed.innerText(), /Statut : « À venir » → « En cours »|Statut.*À venir.*En cours/);
  await preview.getByRole('button', { name: 'Appliquer (1 fiche)' }).click();
  await page.getByText('1 fiche action enregistrée.').waitFor();
  const inProgress = page.locator('section.board-column', { hasText: 'En cours' });
  await inProgress.locator('li.card', { hasText: title }).waitFor();
  await settled(page);
  await page.reload();
  await page.locator('section.board-column', { hasText: 'En cours' }).locator('li.card', { hasText: title }).waitFor();
  await context.close();
});

test('the whole plan as .ods and .xlsx: LibreOffice reads four sheets with the dates, amounts and accents exported', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + '#/');
  await page.getByRole('button', { name: "Ouvrir le plan d'exemple" }).click();
  await page.locator('.board').waitFor();
  await goToStep(page, 'Gouvernance et suite');
  for (const format of ['LibreOffice .ods', 'Excel .xlsx']) {
    const file = await download(page, `Télécharger le classeur (${format})`);
    const sheets = await sheetsOf(file.path);
    assert.deepEqual(Object.keys(sheets).sort(), ['Indicateurs', 'Mobilisations', "Plan d'actions", 'Recensement'], format);

    const census = sheets.Recensement;
    assert.equal(census[0][0], "Type d'acteur");
    assert.ok(census.some((r) => r.includes('Repair café des Tilleuls')), format);

    const actions = sheets["Plan d'actions"];
    const head = actions[0];
    const refurbish = actions.find((r) => r[0].startsWith('Faire reconditionner le matériel informatique'));
    assert.ok(refurbish, format);
    const col = (name) => head.indexOf(name);
    assert.equal(refurbish[col('Échéance')], '30/06/2027', format);
    assert.equal(refurbish[col('Début')], '12/01/2026', format);
    // A euro amount with its currency. The .ods says its separators are French; an .xlsx
    // format leaves them to the reader's locale (Excel's rule), so only digits are compared.
    const euros = (cell) => (format.includes('ods') ? cell.replace(/[\u00a0\u202f]/g, ' ') : squeeze(cell).replace(/[,.]/g, ''));
    assert.equal(euros(refurbish[col('Budget fonctionnement (€)')]), format.includes('ods') ? '18 000 €' : '18000€', format);
    assert.equal(euros(refurbish[col('Budget investissement (€)')]), format.includes('ods') ? '6 500 €' : '6500€', format);
    assert.equal(refurbish[col('Effort (1–3)')], '2', format);

    const indicators = sheets.Indicateurs;
    const computers = indicators.filter((r) => /Ordinateurs/.test(r[2]));
    assert.deepEqual(computers.map((r) => [r[5], r[6], r[7]]), [['800', '30/11/2025', '30'], ['800', '31/03/2026', '80'], ['800', '30/09/2026', '200']], format);
    assert.ok(sheets.Mobilisations.length > 1, format);
  }
  await context.close();
});
