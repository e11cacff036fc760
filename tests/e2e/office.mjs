// LibreOffice headless, the real client of what the app exports: it converts a file the
// browser downloaded (or one it wrote itself) to another format, as a user's office suite
// would open it. Installed by `.ci/setup test`.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Each sheet as CSV the way a French LibreOffice shows it: `;`, UTF-8, fr-FR, cells « as
 * shown » (dates 30/06/2027, amounts with their currency), every sheet to its own file. */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true,false,false,-1';

/** Converts `file` with `soffice --convert-to <to>`; returns the paths it wrote. Each call
 * gets its own profile, so that tests may run side by side. */
export async function convert(file, to) {
  const out = await mkdtemp(join(tmpdir(), 'atelier-office-'));
  const profile = `file://${out}/profile`;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', out, file], { timeout: 120_000 });
  const stem = basename(file, extname(file));
  return (await readdir(out)).filter((f) => f.startsWith(stem)).map((f) => join(out, f));
}

/** The sheets of a workbook as LibreOffice reads them: { sheet name: rows of cells }. */
export async function sheetsOf(file) {
  const stem = basename(file, extname(file));
  const sheets = {};
  for (const path of await convert(file, CSV_ALL_SHEETS)) {
    const name = basename(path, '.csv').slice(stem.length + 1);
    sheets[name] = parseCsv(await readFile(path, 'utf8'));
  }
  return sheets;
}

/** A `;`-separated CSV with `"` quotes into rows of cells. */
export function parseCsv(text) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\n') { rows.at(-1).push(cell.replace(/\r$/, '')); cell = ''; rows.push([]); }
    else cell += c;
  }
  if (cell || rows.at(-1).length) rows.at(-1).push(cell); else rows.pop();
  return rows;
}
