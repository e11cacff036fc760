// Shared steps of the end-to-end tests, written as a user would act: through labels,
// buttons and links, never through the app's internals.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
// ATELIER_DIST: another build folder (e.g. a copy, so that a rebuild cannot change it mid-run).
export const DIST = process.env.ATELIER_DIST ?? join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const CENSUS = join(FIXTURES, 'recensement-acteurs-exemple.csv');

/** The screens a plan fills, by name and address: the screen-size and language tests walk
 * them all (each adds its own extra screens). */
export const SCREENS = [
  ['home', '#/'],
  ['contexte', '#/contexte'],
  ['acteurs', '#/acteurs'],
  ['mobiliser', '#/mobiliser'],
  ['actions', '#/actions'],
  ['catalogue', '#/actions/catalogue'],
  ['tableau', '#/actions/tableau'],
  ['feuille-de-route', '#/actions/feuille-de-route'],
  ['matrice', '#/actions/matrice'],
  ['conclusion', '#/conclusion'],
  ['rapport', '#/rapport'],
  ['accessibilite', '#/accessibilite'],
  ['ecoconception', '#/ecoconception'],
];

/** Creates a plan from « Mes plans » and waits for the context screen. */
export async function createPlan(page, url, name) {
  await page.goto(url + '#/');
  await page.getByLabel('Nom du plan').fill(name);
  await page.getByRole('button', { name: 'Créer le plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexte du territoire' }).waitFor();
  await page.getByText('Enregistré dans ce navigateur').waitFor();
}

/** Goes to a wizard step through the step bar. */
export async function goToStep(page, title) {
  await page.getByRole('navigation', { name: 'Étapes de la démarche' }).getByRole('link', { name: title }).click();
}

/** Exports the open plan from the conclusion; returns the path of a copy of the file that
 * outlives the browser context (a download's own file goes with it). */
export async function exportPlan(page) {
  await goToStep(page, 'Gouvernance et suite');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
  ]);
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = join(await mkdtemp(join(tmpdir(), 'atelier-plan-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Imports a census (the shared fixture by default) into step 1, confirming the preview. */
export async function importCensus(page, file = CENSUS) {
  await page.locator('#import-csv-file').setInputFiles(file);
  await page.getByRole('button', { name: /^Importer \d+ acteurs?$/ }).click();
}

/** The text of the notice area. */
export async function noticeText(page) {
  return (await page.locator('.notice-area').innerText()).trim();
}

/** Waits until no write is pending, so that a reload cannot race the autosave. */
export async function settled(page) {
  await page.getByText('Enregistré dans ce navigateur').waitFor();
}

/** Waits until the service worker has cached every file of the build: what it takes at
 * install, and the parts it fetches in the background once the first screen works. */
export async function offlineReady(page, dist = DIST) {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  const version = sw.match(/const VERSION = "([^"]+)"/)[1];
  const files = [...sw.matchAll(/const (?:CORE|REST) = (\[[^\]]*\]);/g)].flatMap((m) => JSON.parse(m[1]));
  const cached = ([name, files]) => caches.has(name).then(async (has) => {
    if (!has) return false;
    const cache = await caches.open(name);
    for (const file of files) if (!(await cache.match(file))) return false;
    return true;
  });
  // Polled by hand: page.waitForFunction does not wait for a promise's value.
  for (const started = Date.now(); !(await page.evaluate(cached, [`atelier-nr-${version}`, files]));) {
    if (Date.now() - started > 60_000) throw new Error('the service worker did not cache every file within a minute');
    await page.waitForTimeout(250);
  }
}
