#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): turns Trunk's one-piece build into what users get.
// Runs on every build (release, debug, `trunk serve`), in this order, in this one script:
//
//   1. split   — wasm-split-cli cuts the raw cargo output (linked with --emit-relocs) at
//                every `lazy!` part: a main module plus one .wasm per part and shared chunks;
//   2. bind    — wasm-bindgen on the main module (Trunk's own output imports a placeholder
//                module and cannot start once a part exists); the random hashes of its
//                import names zeroed where the name is unique (`zeroImportHashes`);
//   3. shrink  — wasm-opt -Oz on every .wasm (release only; Trunk's own is off: data-wasm-opt=0);
//   4. name    — parts and the split loader renamed by content hash (the tool's names are
//                not), references rewritten; Trunk's names kept for the main module;
//   5. texts   — one catalogue per language, merged from core/locales/<lang>/*.json and
//                content-hashed; index.html names them (<meta name="atelier-build">);
//                the territory picker's data, compacted by .ci/territories.mjs, likewise;
//   5c. CSP    — a Content-Security-Policy <meta> with the inline scripts' sha256 (release);
//   6. stamp   — the build id (a hash of every file) in index.html and version.txt, which a
//                page compares with its own to tell a new deployment from a network failure;
//   6a. measures — measures.json, the figures the « Écoconception » statement shows;
//   7. precache — sw.js from assets/service-worker.js: what the first screen needs, cached
//                at install; every other file, fetched in the background afterwards; and
//                the files fetched on demand only (the territory data), kept once fetched.
//
// Without any `lazy!` part (the unsplit build: --no-default-features) steps 1–4 are skipped.
// Tools come from PATH (.ci/env): wasm-split-cli, wasm-bindgen, wasm-opt.
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { basename, join } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const profile = process.env.TRUNK_PROFILE ?? 'release';
if (!stage) throw new Error('post-build.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const release = profile === 'release';

const BIN = 'atelier-nr';
// terser and csso, from .ci/tools (npm, pinned by its lock file).
const tools = createRequire(new URL('./tools/', import.meta.url));
const execFileAsync = promisify(execFile);
// The features every browser we support has and rustc 1.95 emits for wasm32 (rustc --print cfg).
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-multivalue', '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-sign-ext'];

/** wasm-opt -Oz on every file, in place, as many at a time as there are cores. */
async function shrinkAll(files) {
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      // ATELIER_KEEP_NAMES=1 keeps function names, for a readable CPU profile.
      const names = process.env.ATELIER_KEEP_NAMES ? ['-g'] : [];
      await execFileAsync('wasm-opt', ['-Oz', ...names, ...WASM_FEATURES, file, '-o', file]);
    }
  };
  await Promise.all(Array.from({ length: cpus().length }, worker));
}

/**
 * Few files per part. wasm-split-cli writes a module per `lazy!` part plus a "chunk" per set
 * of parts sharing code — two hundred files, and a screen needing fifty of them: fifty
 * requests, when requests weigh as much as bytes in a page's footprint (EcoIndex). So the
 * modules travel in bundles, and a manifest maps each one to its bundle, offset and length;
 * the loader's fetch of a module becomes a slice of its bundle, fetched once.
 *   - Each part's bundle holds its module and the small chunks it shares with other parts
 *     (copied into each of their bundles: a few kilobytes, one request saved).
 *   - Code that the same parts share, if it weighs SHARED_ALONE or more, is a bundle of its
 *     own, fetched by each of them: large code is never downloaded twice.
 * A module in several bundles is instantiated once (the loader keeps what it loaded).
 * Returns { js, bundles }.
 */
const SHARED_ALONE = 16 * 1024;
function bundle(loader, dir) {
  // `/* part, part */ const __chunk_N = makeLoad(... "./chunk_N.wasm" ...)`: who needs each chunk.
  const users = new Map();
  for (const m of loader.matchAll(/\/\* ([^*]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)) {
    users.set(m[2], m[1].split(', ').sort());
  }
  const size = (f) => statSync(join(dir, f)).size;
  // Chunks grouped by the exact set of parts that need them.
  const groups = new Map();
  for (const [chunk, parts] of users) {
    const key = parts.join(',');
    if (!groups.has(key)) groups.set(key, { parts, chunks: [], bytes: 0 });
    const group = groups.get(key);
    group.chunks.push(chunk);
    group.bytes += size(chunk);
  }
  const manifest = {};
  let bundles = 0;
  const write = (label, members) => {
    const bytes = Buffer.concat(members.map((f) => readFileSync(join(dir, f))));
    const name = `part-${label}-${hash(bytes)}.wasm`;
    writeFileSync(join(stage, name), bytes);
    bundles += 1;
    let offset = 0;
    for (const f of members) {
      (manifest[f] ??= []).push([name, offset, size(f)]);
      offset += size(f);
    }
  };
  for (const group of groups.values()) {
    if (group.bytes >= SHARED_ALONE) write(`shared-${group.parts.length}`, group.chunks);
  }
  for (const m of loader.matchAll(/new URL\("\.\/(split_([a-z0-9_]+)\.wasm)"/g)) {
    const [, file, part] = m;
    const copied = [...groups.values()]
      .filter((g) => g.bytes < SHARED_ALONE && g.parts.includes(part))
      .flatMap((g) => g.chunks);
    write(part, [file, ...copied]);
  }
  const runtime = `
// Added by .ci/post-build.mjs: each module is a slice of a bundle (see bundle() there).
const __parts = ${JSON.stringify(manifest)};
const __bundles = new Map();
function __bundle(name) {
  if (!__bundles.has(name)) {
    const load = fetch(new URL("./" + name, import.meta.url)).then((r) => {
      if (!r.ok) throw new Error(name + ": HTTP " + r.status);
      return r.arrayBuffer();
    });
    // A failed download is not kept: the next attempt fetches again.
    load.catch(() => __bundles.delete(name));
    __bundles.set(name, load);
  }
  return __bundles.get(name);
}
function __fetchPart(file) {
  const places = __parts[file];
  const take = () => {
    const [name, offset, length] = places.find(([b]) => __bundles.has(b)) ?? places[0];
    return __bundle(name).then((buffer) => new Response(buffer.slice(offset, offset + length),
      { headers: { "content-type": "application/wasm" } }));
  };
  // A chunk in several bundles waits one microtask: the loader asks for a part's chunks just
  // before the part itself, whose bundle holds them all; by then that bundle is on its way.
  return places.length === 1 ? take() : Promise.resolve().then(take);
}
`;
  let js = loader.replace(/fetch\(new URL\("\.\/((?:split|chunk)_[a-z0-9_]+\.wasm)", import\.meta\.url\)\)/g,
    (_, file) => `__fetchPart(${JSON.stringify(file)})`);
  if (js.includes('new URL("./')) throw new Error('a module of the split loader was not bundled');
  js = js.replace(/^(import [^\n]*\n)/, `$1${runtime}`);
  return { js, bundles };
}

/** The stand-in for the split loader that the main module imports (see step 4). */
function loaderStub(real, mainJs, names) {
  return `// Written by .ci/post-build.mjs: imports the split loader the first time a part is needed.
import { initSync } from "./${mainJs}";
let real;
function load() {
  real ??= import("./${real}").catch((e) => { real = undefined; throw e; });
  return real;
}
// The loader could not be had (offline, never cached): tell the waiting part it failed.
function failed(callbackIndex, callbackData, e) {
  console.error(e);
  initSync(undefined, undefined).__indirect_function_table.get(callbackIndex)(callbackData, false);
}
${names.map((n) => `export function ${n}(i, d) { load().then((m) => m.${n}(i, d), (e) => failed(i, d, e)); }`).join('\n')}
`;
}

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const log = (msg) => console.log(`post-build: ${msg}`);
const started = Date.now();

let html = readFileSync(join(stage, 'index.html'), 'utf8');
const stagedJs = readdirSync(stage).find((f) => f.startsWith(`${BIN}-`) && f.endsWith('.js'));
if (!stagedJs) throw new Error(`no ${BIN}-*.js in ${stage}`);
const stem = stagedJs.slice(0, -'.js'.length);

/**
 * wasm-bindgen names each JavaScript import with a 16-hex-digit hash
 * (`__wbg_instanceof_HtmlInputElement_28751c98d77a5a65`): about 300 of them, written twice
 * (the wasm's import section, the glue's import object), random digits gzip cannot shrink —
 * about 5 KB of the first visit. Each hash becomes zeros followed by the name's rank among
 * the names sharing its stem (`…_0000000000000000`, `…_0000000000000001`): same length, so
 * the wasm is patched in place (no section size changes), and names stay unique. Every file
 * of the build gets the same replacements, so they still agree.
 */
function zeroImportHashes(files) {
  const glue = readFileSync(files[0], 'utf8');
  const names = [...new Set(glue.match(/__wbg_\w+?_[0-9a-f]{16}\b/g) ?? [])];
  const stripped = (n) => n.slice(0, -17);
  const rank = new Map();
  const renames = names.map((n) => {
    const k = rank.get(stripped(n)) ?? 0;
    rank.set(stripped(n), k + 1);
    return [Buffer.from(n), Buffer.from(`${stripped(n)}_${k.toString(16).padStart(16, '0')}`)];
  });
  // A name already of that form would collide with a renamed one: then rename nothing.
  if (names.some((n) => /_0{12}[0-9a-f]{4}$/.test(n))) return log('import names: kept (zero-like hashes found)');
  for (const file of files) {
    let bytes = readFileSync(file);
    for (const [from, to] of renames) {
      for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + to.length)) to.copy(bytes, at);
    }
    writeFileSync(file, bytes);
  }
  log(`import names: ${renames.length} of ${names.length} hashes zeroed`);
}

// 1–4. Split, bind, shrink, name.
const targetDir = process.env.CARGO_TARGET_DIR
  ?? JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: source })).target_directory;
const raw = join(targetDir, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);
const rawBytes = readFileSync(raw);
if (rawBytes.includes(Buffer.from('__wasm_split_placeholder__'))) {
  const work = mkdtempSync(join(tmpdir(), 'atelier-split-'));
  try {
    const split = join(work, 'split');
    const bound = join(work, 'bound');
    run('wasm-split-cli', [raw, split, '--target', 'web', '--out-name', stem]);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', bound, '--out-name', stem, join(split, `${stem}.wasm`)]);
    const parts = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
    zeroImportHashes([join(bound, `${stem}.js`), join(bound, `${stem}_bg.wasm`),
      ...readdirSync(split).filter((f) => /\.(wasm|js)$/.test(f)).map((f) => join(split, f))]);
    if (release) await shrinkAll([join(bound, `${stem}_bg.wasm`), ...parts.map((p) => join(split, p))]);
    const loader = bundle(readFileSync(join(split, '__wasm_split.js'), 'utf8'), split);
    const realName = `__wasm_split-${hash(loader.js)}.js`;
    writeFileSync(join(stage, realName), loader.js);
    // The main module imports the loader at start; the loader (its manifest, one function per
    // part) is needed only when a part is. So the main module gets a stub with the same
    // exports, which imports the real loader the first time a part is asked for.
    const stub = loaderStub(realName, stagedJs, [...loader.js.matchAll(/^export const (__wasm_split_load_\w+) =/gm)].map((m) => m[1]));
    const loaderName = `__wasm_split_stub-${hash(stub)}.js`;
    writeFileSync(join(stage, loaderName), stub);
    // Only the import statements: the wasm's imports object keeps the module's original name.
    const glue = readFileSync(join(bound, `${stem}.js`), 'utf8')
      .replaceAll(/from (["'])\.\/__wasm_split\.js\1/g, `from "./${loaderName}"`);
    if (!glue.includes(loaderName)) throw new Error('the main module does not import the split loader');
    writeFileSync(join(stage, stagedJs), glue);
    copyFileSync(join(bound, `${stem}_bg.wasm`), join(stage, `${stem}_bg.wasm`));
    if (existsSync(join(bound, 'snippets'))) throw new Error('wasm-bindgen wrote snippets: copy them too');
    log(`split into ${parts.length} modules, bundled into ${loader.bundles} parts (${release ? 'wasm-opt -Oz' : 'not optimised: debug'})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} else {
  if (release) run('wasm-opt', ['-Oz', ...WASM_FEATURES, join(stage, `${stem}_bg.wasm`), '-o', join(stage, `${stem}_bg.wasm`)]);
  log('no lazy part in this build (unsplit): one wasm, as Trunk built it');
}
// Trunk's integrity hashes would describe the unsplit files; every file is same-origin anyway.
html = html.replace(/\s+integrity="[^"]*"/g, '');

// 5. Texts: per language, the first screen's messages and the rest, merged and content-hashed
// (the split is `FIRST_MODULES` in core/src/i18n.rs).
const FIRST_MODULES = ['common', 'home', 'state'];
const declared = readFileSync(join(source, 'core', 'src', 'i18n.rs'), 'utf8').match(/FIRST_MODULES: \[&str; \d+\] = \[([^\]]*)\]/);
if (!declared || JSON.stringify(JSON.parse(`[${declared[1]}]`)) !== JSON.stringify(FIRST_MODULES)) {
  throw new Error('FIRST_MODULES differs between this hook and core/src/i18n.rs');
}
const localeDir = join(source, 'core', 'locales');
const locales = [];
for (const lang of readdirSync(localeDir).sort()) {
  const bundles = { first: {}, rest: {} };
  for (const file of readdirSync(join(localeDir, lang)).filter((f) => f.endsWith('.json')).sort()) {
    const module = basename(file, '.json');
    const bundle = FIRST_MODULES.includes(module) ? bundles.first : bundles.rest;
    for (const [key, value] of Object.entries(JSON.parse(readFileSync(join(localeDir, lang, file), 'utf8')))) {
      bundle[`${module}.${key}`] = value;
    }
  }
  for (const [which, messages] of Object.entries(bundles)) {
    const text = JSON.stringify(messages);
    const name = `locale-${lang}-${which}-${hash(text)}.json`;
    writeFileSync(join(stage, name), text);
    locales.push(`${lang}-${which}=${name}`);
  }
}

// 5a. The territory picker's data: every commune and EPCI, compacted from Etalab's data
// (.ci/territories.mjs, which documents the format), content-hashed. The app fetches it the
// first time the picker is used (src/ui/context/territory.rs); the service worker keeps it
// then, but never fetches it on its own (step 7: on demand).
const { compactText } = await import('./territories.mjs');
const territoriesText = compactText();
const territoriesFile = `territoires-${hash(territoriesText)}.json`;
writeFileSync(join(stage, territoriesFile), territoriesText);
log(`territory data ${territoriesFile}: ${(territoriesText.length / 1024).toFixed(0)} KB raw, `
  + `${(gzipSync(territoriesText, { level: 9 }).length / 1024).toFixed(0)} KB gzip -9`);

// 5a'. The in-memory store (fake-indexeddb's ES modules, as published: Apache-2.0, licence
// copied along) under memory-db/, which src/browser.rs `install_memory_db` loads only where
// IndexedDB cannot be opened (some private windows), so that the app still works, in memory.
const memoryDb = join(stage, 'memory-db');
const fakeIdb = join(source, '.ci', 'tools', 'node_modules', 'fake-indexeddb');
mkdirSync(memoryDb, { recursive: true });
cpSync(join(fakeIdb, 'build', 'esm'), join(memoryDb, 'build', 'esm'), { recursive: true });
mkdirSync(join(memoryDb, 'auto'), { recursive: true });
copyFileSync(join(fakeIdb, 'auto', 'index.mjs'), join(memoryDb, 'auto', 'index.mjs'));
copyFileSync(join(fakeIdb, 'LICENSE'), join(memoryDb, 'LICENSE'));

// 5b. Minify (release): the JavaScript the hook wrote or rewrote, and Trunk's CSS. Names the
// wasm looks up (exports, import keys) are strings or exports, which terser keeps.
if (release) {
  const { minify } = tools('terser');
  const csso = tools('csso');
  for (const f of readdirSync(stage)) {
    const path = join(stage, f);
    if (f.endsWith('.js')) {
      const out = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
      writeFileSync(path, out.code);
    } else if (f.endsWith('.css')) {
      writeFileSync(path, csso.minify(readFileSync(path, 'utf8')).css);
    }
  }
}

// 5c. Content-Security-Policy (release): a <meta> (static hosts cannot always set headers),
// first in <head> so that it covers every script after it. Inline scripts (Trunk's start-up
// module) are allowed by their sha256, computed here on their final, minified text; nothing
// else inline runs. Views set styles through the CSS object model (`style:prop=` in Leptos),
// which `style-src 'self'` allows, never as `style="…"` attributes, which it blocks.
// Debug builds get none: `trunk serve` without --release adds its own inline reload script.
// .ci/serve passes --no-autoreload, so the served release page is the deployed one.
if (release) {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline.map(sha).join(' ')}`.trim(),
    "connect-src 'self'",
    "img-src 'self' blob: data:",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  html = html.replace(/<meta charset="utf-8" ?\/?>/, (m) => `${m}\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  if (!html.includes('Content-Security-Policy')) throw new Error('index.html has no <meta charset="utf-8">: nowhere to put the CSP');
  log(`Content-Security-Policy with ${inline.length} inline script hash(es)`);
}

// 6. Stamp: the build id, from every file's name and content.
const files = () => readdirSync(stage, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile()).map((d) => join(d.parentPath ?? d.path, d.name).slice(stage.length + 1))
  .filter((f) => !['sw.js', 'version.txt', 'index.html'].includes(f)).sort();
const id = hash(files().map((f) => `${f}:${hash(readFileSync(join(stage, f)))}`).join('\n') + html);
// One element for all of it (every element counts in a page's footprint): the build id, then
// the catalogue files, `lang-bundle=file`, and the territory data, `territories=file` (read by
// src/browser.rs `build_file`).
const named = [...locales, `territories=${territoriesFile}`];
html = html.replace('</head>', `<meta name="atelier-build" content="${[id, ...named].join(' ')}">\n</head>`);
writeFileSync(join(stage, 'index.html'), html);
writeFileSync(join(stage, 'version.txt'), `${id}\n`);

// 6a. Measures for the « Écoconception » statement (src/ui/statements.rs): the first screen's
// files (the service worker's install list, below) and every other file, gzip -9, and the
// EcoIndex per screen from the last benchmark (docs/measures/ecoindex.json, written by
// tests/e2e/bench.mjs). Written after the stamp: figures about the build, not part of it.
{
  const gz = (f) => gzipSync(readFileSync(join(stage, f)), { level: 9 }).length;
  const built = files();
  // What a French first visit fetches: the install list but the other catalogues.
  const firstFiles = ['index.html', ...built.filter((f) => isFirst(f) && !f.startsWith('manifest')
    && (!f.startsWith('locale-') || f.startsWith('locale-fr-first')))];
  const ecoFile = join(source, 'docs', 'measures', 'ecoindex.json');
  const eco = existsSync(ecoFile) ? JSON.parse(readFileSync(ecoFile, 'utf8')) : {};
  const measures = {
    first_requests: firstFiles.length,
    first_gzip: firstFiles.reduce((sum, f) => sum + gz(f), 0),
    budget_gzip: Number(readFileSync(join(source, '.ci', 'size-budget'), 'utf8').split('\n')[0]),
    parts: built.filter((f) => f.endsWith('.wasm')).length - 1,
    all_gzip: built.filter((f) => f !== territoriesFile && !f.startsWith('memory-db/')).reduce((sum, f) => sum + gz(f), 0) + gz('index.html'),
    ecoindex: eco.screens ?? [],
    ecoindex_on: eco.measured_on ?? null,
  };
  writeFileSync(join(stage, 'measures.json'), JSON.stringify(measures));
  log(`measures: first visit ${measures.first_requests} files, ${measures.first_gzip} B gzip`);
}

// 7. Precache lists for the service worker.
const all = files();
const first = isFirst;
function isFirst(f) {
  return f === stagedJs || f === `${stem}_bg.wasm` || f.endsWith('.css')
    || f.startsWith('locale-') || f.startsWith('__wasm_split_stub') || ['favicon', 'manifest'].some((p) => f.startsWith(p));
}
// Heavy files most visits never need: cached when the page fetches them, never warmed.
const onDemand = [territoriesFile, ...all.filter((f) => f.startsWith('memory-db/'))];
const core = ['./', 'index.html', ...all.filter(first)];
const rest = all.filter((f) => !first(f) && !onDemand.includes(f));
const sw = readFileSync(join(source, 'assets', 'service-worker.js'), 'utf8')
  .replace('__VERSION__', id)
  .replace('__CORE__', JSON.stringify(core))
  .replace('__REST__', JSON.stringify(rest))
  .replace('__ON_DEMAND__', JSON.stringify(onDemand));
writeFileSync(join(stage, 'sw.js'), sw);
log(`build ${id}: ${core.length} files cached at install, ${rest.length} in the background, ${onDemand.length} on demand (${((Date.now() - started) / 1000).toFixed(1)} s)`);
