// Post-build step (scripts/post-build.mjs): builds the second module, the
// "Why" panel (src/detail.rs), into dist/detail.js and dist/detail_bg.wasm.
// The widget loads it after its first paint, so its bytes are counted apart
// from the first paint's budget (scripts/dist-size).
//
// It is the widget's own crate built with the `detail` feature, by the same
// compiler, flags and profile Trunk just used (Trunk's environment reaches
// this hook), then wasm-bindgen and wasm-opt as Trunk runs them, and one
// line that starts the module when a page loads it. It builds in a target
// directory of its own: a cdylib's file name carries no hash, so in Trunk's
// the two builds would take turns at one `deps/crossover.wasm`, and a build
// with nothing to recompile would hand Trunk this module as the widget.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) throw new Error('usage: TRUNK_STAGING_DIR=dist node scripts/build-detail.mjs');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

const cargo = execFileSync('cargo', [
  'build', '--locked', '-p', 'crossover', '--lib', '--target', 'wasm32-unknown-unknown', '--features', 'detail',
  '--target-dir', path.join(root, 'target', 'detail'),
  ...(release ? ['--release'] : []), '--message-format=json-render-diagnostics',
], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
const wasm = cargo.split('\n').filter(Boolean).map((line) => JSON.parse(line))
  .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'crossover')
  .flatMap((m) => m.filenames).find((f) => f.endsWith('.wasm'));
if (!wasm) throw new Error('cargo built no crossover .wasm with the detail feature');

// The widget's wasm-opt settings, as index.html gives them to Trunk.
const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const optLevel = html.match(/data-wasm-opt="(\w+)"/)?.[1];
const optParams = html.match(/data-wasm-opt-params="([^"]*)"/)?.[1];
if (!optLevel || optParams === undefined) throw new Error('index.html gives no wasm-opt settings to copy');

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'crossover-detail-'));
let glue;
try {
  execFileSync('wasm-bindgen', [wasm, '--out-dir', out, '--out-name', 'detail', '--target', 'web', '--no-typescript'], { stdio: 'inherit' });
  const built = path.join(out, 'detail_bg.wasm');
  if (release) {
    execFileSync('wasm-opt', [`-O${optLevel}`, ...optParams.split(/\s+/).filter(Boolean), built, '-o', built], { stdio: 'inherit' });
  }
  fs.copyFileSync(built, path.join(staging, 'detail_bg.wasm'));
  glue = fs.readFileSync(path.join(out, 'detail.js'), 'utf8');
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
if (!/^export \{ initSync, __wbg_init as default \};$/m.test(glue) || /^import /m.test(glue)) {
  throw new Error('detail.js is not the self-contained wasm-bindgen glue this step expects');
}
// Loaded by a <script type="module">, it starts itself; the wasm file is
// found beside it.
glue += '\n__wbg_init();\n';
fs.writeFileSync(path.join(staging, 'detail.js'), glue);
console.log(`build-detail: detail.js ${glue.length} B, detail_bg.wasm ${fs.statSync(path.join(staging, 'detail_bg.wasm')).size} B`);
