#!/usr/bin/env node
// The territory picker's data (context screen): every commune and EPCI of France, compacted
// from npm's `@etalab/decoupage-administratif` (MIT; Etalab's build of INSEE's Code officiel
// géographique and populations légales, DGCL's list of EPCI à fiscalité propre and La Poste's
// postal codes, under the Licence Ouverte). One place for the compaction, used by:
//
//   - .ci/post-build.mjs, which writes the whole file into every build, content-hashed, as
//     `territoires-<hash>.json` (fetched by the app the first time the picker is used);
//   - `node .ci/territories.mjs extract`, which rewrites tests/fixtures/decoupage-extrait.json,
//     the few territories the native tests of core/src/territories.rs read.
//
// The format (read by `atelier_core::territories::parse`), columns rather than records
// (measured: 373 KB gzip against 565 KB for one array per entry), one JSON object:
//
//   format      "atelier-nr/territoires"; version 1
//   year        the year of the data (the package's « millésime »), e.g. 2026
//   population  "municipale": which legal population every figure is (INSEE)
//   source      the dataset, as a plan keeps it, e.g. « Etalab, découpage administratif 6.0.0 (INSEE, DGCL) »
//   communes    communes of type `commune-actuelle` (no délégués, associées or arrondissements),
//               sorted by INSEE code, one array per field, same length:
//                 dep         the département's code ("35", "2A", "971")
//                 code        the rest of the INSEE code: `dep + code` is the code ("238" → 35238)
//                 nom         the name
//                 population  the population municipale, or null (unpopulated territories)
//                 cp          the postal codes, separated by one space ("35000 35200 35700"; may be "")
//                 epci        the index of the commune's EPCI in `epci`, or null (a few islands)
//   epci        EPCI à fiscalité propre sorted by SIREN, one array per field, same length:
//                 code        SIREN (9 digits)
//                 nom         the name
//                 type        "CC", "CA", "CU", "METRO", or "MET69" (Métropole de Lyon)
//                 population  the population municipale (DGCL: its member communes' summed)
//               An EPCI's member communes are the communes whose `epci` is its index.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const PACKAGE = '@etalab/decoupage-administratif';
// The package's version gives the year of its data (its README's « Millésimes » table).
// Another version must be looked at before it is used: the year, the source and what
// `population` means may change with it.
const YEARS = { '6.0.0': 2026 };

const tools = createRequire(new URL('./tools/', import.meta.url));

/** The raw data: `communes.json` and `epci.json` of the package, and the package's version. */
export function loadRaw() {
  const { version } = tools(`${PACKAGE}/package.json`);
  return {
    version,
    communes: tools(`${PACKAGE}/data/communes.json`),
    epci: tools(`${PACKAGE}/data/epci.json`),
  };
}

/** The compact data (the object described above) of `communes` and `epci` in Etalab's shape.
 * Every member of an EPCI must be among the communes: the membership is written on the
 * communes' side. Throws on anything the format cannot say. */
export function compact({ version, communes, epci }) {
  const year = YEARS[version];
  if (!year) throw new Error(`${PACKAGE} ${version}: which year is its data? (see YEARS in .ci/territories.mjs)`);
  const current = communes.filter((c) => c.type === 'commune-actuelle')
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const groups = [...epci].sort((a, b) => (a.code < b.code ? -1 : 1));
  const index = new Map(current.map((c, i) => [c.code, i]));
  const epciOf = new Array(current.length).fill(null);
  groups.forEach((group, g) => {
    if (!/^\d{9}$/.test(group.code)) throw new Error(`EPCI ${group.nom}: SIREN ${group.code} is not 9 digits`);
    if (!['CC', 'CA', 'CU', 'METRO', 'MET69'].includes(group.type)) throw new Error(`EPCI ${group.code}: unknown type ${group.type}`);
    if (!Number.isInteger(group.populationMunicipale)) throw new Error(`EPCI ${group.code}: no populationMunicipale`);
    for (const member of group.membres) {
      const i = index.get(member.code);
      if (i === undefined) throw new Error(`EPCI ${group.code}: member ${member.code} is not a current commune of the data`);
      if (epciOf[i] !== null) throw new Error(`commune ${member.code} belongs to two EPCI`);
      epciOf[i] = g;
    }
  });
  for (const c of current) {
    if (!c.code.startsWith(c.departement) || c.code.length !== 5) throw new Error(`commune ${c.code}: département ${c.departement} is not its code's start`);
    if (c.population !== undefined && !Number.isInteger(c.population)) throw new Error(`commune ${c.code}: population ${c.population}`);
  }
  return {
    format: 'atelier-nr/territoires',
    version: 1,
    year,
    population: 'municipale',
    // i18n: a stored value (plans keep it as their population's source), French like the data.
    source: `Etalab, découpage administratif ${version} (INSEE, DGCL)`,
    communes: {
      dep: current.map((c) => c.departement),
      code: current.map((c) => c.code.slice(c.departement.length)),
      nom: current.map((c) => c.nom),
      population: current.map((c) => c.population ?? null),
      cp: current.map((c) => (c.codesPostaux ?? []).join(' ')),
      epci: epciOf,
    },
    epci: {
      code: groups.map((g) => g.code),
      nom: groups.map((g) => g.nom),
      type: groups.map((g) => g.type),
      population: groups.map((g) => g.populationMunicipale),
    },
  };
}

/** The compact data as the app fetches it (no spaces). */
export function compactText(raw = loadRaw()) {
  return JSON.stringify(compact(raw));
}

// The extract the native tests read: these EPCI with all their member communes, and these
// communes on their own. Chosen for what the tests check: Rennes Métropole (a métropole of
// about 474 000 with 43 communes, and Rennes, postal code 35000); CC Couesnon Marches de
// Bretagne (21 947: a PCAET but no REEN) and its Chauvigné (810 inhabitants); homonyms and
// prefixes (Nantes, Nant, Rennes-le-Château); Corsica's letters (Ajaccio, 2A004); the
// Métropole de Lyon (MET69); a commune outside the EPCI extracted (Saint-Malo); a territory
// without population (Îles Saint-Paul et Nouvelle-Amsterdam).
const EXTRACT_EPCI = ['243500139', '200070688', '244400404', '200046977', '242900314'];
const EXTRACT_COMMUNES = ['12168', '11309', '2A004', '35288', '98411'];

/** The extract above, compacted like the whole (membership indices refer to the extract). */
export function extract(raw = loadRaw()) {
  const epci = raw.epci.filter((e) => EXTRACT_EPCI.includes(e.code));
  if (epci.length !== EXTRACT_EPCI.length) throw new Error('an EPCI of the extract is gone from the data');
  const wanted = new Set([...EXTRACT_COMMUNES, ...epci.flatMap((e) => e.membres.map((m) => m.code))]);
  const communes = raw.communes.filter((c) => c.type === 'commune-actuelle' && wanted.has(c.code));
  return compact({ version: raw.version, communes, epci });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== 'extract') {
    console.error('usage: node .ci/territories.mjs extract   (rewrites tests/fixtures/decoupage-extrait.json)');
    process.exit(2);
  }
  const out = join(fileURLToPath(new URL('..', import.meta.url)), 'tests', 'fixtures', 'decoupage-extrait.json');
  // One column per line: readable in a diff, still the format the app reads.
  const data = extract();
  const text = JSON.stringify(data, (key, value) => value, 0)
    .replace(/,"(communes|epci)":\{/g, ',\n"$1":{\n')
    .replace(/\],"/g, '],\n"');
  writeFileSync(out, `${text}\n`);
  console.log(`territories: ${data.communes.nom.length} communes and ${data.epci.nom.length} EPCI written to ${out}`);
}
