// Post-build step (scripts/post-build.mjs): writes the price list, every API
// offering beyond the default scenario's, into the build as the file the
// widget fetches after its first paint (src/price_list.rs in the pricing
// crate reads it; build/schema/price_list.rs documents the format). The
// native command-line tool writes it, from the same catalogue the widget was
// built from, under the name the widget asks for.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) throw new Error('usage: TRUNK_STAGING_DIR=dist node scripts/price-list.mjs');

// Trunk's environment is set up for the size-optimised wasm build (a pinned
// nightly, std built for size, wasm flags): none of it is for this native build.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) =>
  !(key.startsWith('CARGO_') && key !== 'CARGO_HOME') && key !== 'RUSTUP_TOOLCHAIN' && !key.startsWith('TRUNK_')
  && key !== 'RUSTFLAGS'));
const written = execFileSync(
  'cargo',
  ['run', '--quiet', '--locked', '--manifest-path', path.join(root, 'Cargo.toml'), '-p', 'crossover-cli', '--',
    '--write-price-list', staging],
  { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
).trim();
console.log(`price list: ${path.basename(written)}`);
