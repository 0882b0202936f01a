// Post-build step (scripts/post-build.mjs): makes the wasm-bindgen output smaller.
//
// 1. The module's imports and exports get short names (`a`, `b`, ...) in
//    place of wasm-bindgen's hashed ones (`__wbg_setAttribute_6c0af4c5c1e8cdd3`),
//    in the wasm file and in the JS glue alike. Hashes do not compress.
// 2. The glue is minified with terser: Trunk's own minifier fails on it.
// 3. index.html's integrity hashes are recomputed for the files changed.
//
// Every step checks what it expects to find and fails the build otherwise,
// so a new wasm-bindgen cannot silently ship a half-renamed pair.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { minify } = await import(
  pathToFileURL(path.join(root, '.tools/terser/node_modules/terser/main.js')).href
);

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) throw new Error('usage: TRUNK_STAGING_DIR=dist node scripts/shrink-glue.mjs');
const files = {
  wasm: path.join(staging, 'crossover_bg.wasm'),
  js: path.join(staging, 'crossover.js'),
  html: path.join(staging, 'index.html'),
};

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error('the wasm file ends inside a number');
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function name(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function encodedName(text) {
  const utf8 = new TextEncoder().encode(text);
  return [...leb(utf8.length), ...utf8];
}

// The length of an import's description after its kind byte.
function descriptionEnd(bytes, kind, at) {
  const limits = (at) => {
    const flags = bytes[at++];
    [, at] = readLeb(bytes, at);
    if (flags & 1) [, at] = readLeb(bytes, at);
    return at;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory
    case 3: return at + 2; // global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

function letters(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let text = '';
  do {
    text = letters[index % letters.length] + text;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return text;
}

// Each section: its id, where it starts (`at`), where its body starts and ends.
function* sections(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const [size, start] = readLeb(wasm, at + 1);
    yield { id: wasm[at], at, start, end: start + size };
    at = start + size;
  }
}

// The next short name not in `taken`.
function shortName(taken) {
  for (let index = 0; ; index++) {
    const name = letters(index);
    if (!taken.has(name)) return name;
  }
}

// Renames the imports that come from the glue and the exports the glue
// uses; returns the new wasm and the old-to-new names of each.
function renameImportsAndExports(wasm, glueModule, exportsUsed, exportsKept) {
  const imports = new Map();
  const exports = new Map();
  const out = [wasm.subarray(0, 8)];
  for (const { id, at, start, end } of sections(wasm)) {
    if (id !== 2 && id !== 7) {
      out.push(wasm.subarray(at, end));
      continue;
    }
    let [count, cursor] = readLeb(wasm, start);
    const body = [...leb(count)];
    while (count-- > 0) {
      if (id === 2) {
        let module;
        let field;
        [module, cursor] = name(wasm, cursor);
        [field, cursor] = name(wasm, cursor);
        const descEnd = descriptionEnd(wasm, wasm[cursor], cursor + 1);
        if (module === glueModule) {
          imports.set(field, shortName(new Set(imports.values())));
          field = imports.get(field);
        }
        body.push(...encodedName(module), ...encodedName(field), ...wasm.subarray(cursor, descEnd));
        cursor = descEnd;
      } else {
        let field;
        [field, cursor] = name(wasm, cursor);
        const indexEnd = readLeb(wasm, cursor + 1)[1];
        if (exportsUsed.has(field)) {
          exports.set(field, shortName(new Set([...exports.values(), ...exportsKept])));
          field = exports.get(field);
        }
        body.push(...encodedName(field), ...wasm.subarray(cursor, indexEnd));
        cursor = indexEnd;
      }
    }
    if (cursor !== end) throw new Error(`section ${id} not read to its end`);
    out.push(Uint8Array.from([id, ...leb(body.length), ...body]));
  }
  return [Buffer.concat(out), imports, exports];
}

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function renameInGlue(js, imports, exports) {
  const rename = (pattern, old, short) => {
    const found = js.match(pattern)?.length ?? 0;
    if (found === 0) throw new Error(`${old} not found in the glue`);
    js = js.replace(pattern, short);
  };
  for (const [old, short] of imports) {
    // Each import is one function of the imports object.
    rename(new RegExp(`\\b${escaped(old)}(?=: function\\b)`, 'g'), old, short);
    if (js.match(new RegExp(`\\b${escaped(old)}\\b`))) throw new Error(`${old} is used elsewhere in the glue`);
  }
  for (const [old, short] of exports) {
    rename(new RegExp(`\\bwasm\\.${escaped(old)}\\b`, 'g'), old, `wasm.${short}`);
  }
  return js;
}

// The names of the module's exports.
function exportNames(wasm) {
  const names = [];
  for (const { id, start } of sections(wasm)) {
    if (id !== 7) continue;
    let [count, cursor] = readLeb(wasm, start);
    while (count-- > 0) {
      let field;
      [field, cursor] = name(wasm, cursor);
      cursor = readLeb(wasm, cursor + 1)[1];
      names.push(field);
    }
  }
  return names;
}

function integrity(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

const wasmBefore = fs.readFileSync(files.wasm);
const jsBefore = fs.readFileSync(files.js, 'utf8');
const glueModule = jsBefore.match(/"(\.\/[\w-]+_bg\.js)": import0/)?.[1];
if (!glueModule) throw new Error('the glue does not pass its imports as "./..._bg.js": import0');

const exportsUsed = new Set([...jsBefore.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
const exportsKept = exportNames(wasmBefore).filter((e) => !exportsUsed.has(e));
const [wasm, imports, exports] = renameImportsAndExports(
  wasmBefore,
  glueModule,
  exportsUsed,
  exportsKept,
);
if (imports.size === 0) throw new Error(`no imports from ${glueModule} in the wasm`);
const missing = [...exportsUsed].filter((e) => !exports.has(e));
if (missing.length > 0) throw new Error(`the glue uses exports the wasm lacks: ${missing}`);
const renamed = renameInGlue(jsBefore, imports, exports);
const minified = await minify(renamed, {
  module: true,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
});
if (!minified.code) throw new Error('terser returned nothing');

// Every check before the first write: staging never holds a half-renamed pair.
let html = fs.readFileSync(files.html, 'utf8');
const changed = [
  [files.wasm, wasmBefore, wasm],
  [files.js, Buffer.from(jsBefore), Buffer.from(minified.code)],
];
for (const [file, before, after] of changed) {
  const old = integrity(before);
  if (html.includes('integrity=') && !html.includes(old)) {
    throw new Error(`index.html has no integrity ${old} for ${path.basename(file)}`);
  }
  html = html.replaceAll(old, integrity(after));
}
for (const [file, , after] of changed) fs.writeFileSync(file, after);
fs.writeFileSync(files.html, html);
console.log(
  `shrink-glue: ${imports.size} imports and ${exports.size} exports renamed; glue ${jsBefore.length} -> ${minified.code.length} B, wasm ${wasmBefore.length} -> ${wasm.length} B`,
);
