// Post-build step (scripts/post-build.mjs), after shrink-glue: makes the page work
// under a strict Content-Security-Policy and in a sandboxed frame.
//
// 1. Hashes every inline <script> and <style> Trunk left in index.html and
//    writes the policy that allows exactly those (and nothing inline else)
//    to dist/_headers, the header file static hosts such as Netlify and
//    Cloudflare Pages read; docs/embedding.md explains each part. (Not as a
//    <meta>: a header can also carry frame-ancestors, and the hashes would
//    cost every reader 170 B brotli.)
// 2. Gives the style sheet `crossorigin`, as Trunk gives the script and the
//    wasm: with `integrity` and no `crossorigin`, a frame sandboxed without
//    allow-same-origin fetches it opaquely and refuses it.
//
// The end-to-end test serves dist/ with the header from _headers and fails
// on any violation.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) throw new Error('usage: TRUNK_STAGING_DIR=dist node scripts/csp.mjs');
const htmlFile = path.join(staging, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8');

const hashes = (tag) =>
  [...html.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^]*?)</${tag}>`, 'g'))].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
const scripts = hashes('script');
const styles = hashes('style');
if (scripts.length !== 1) throw new Error(`expected Trunk's one inline loader script, found ${scripts.length}`);
if (/\sstyle=/.test(html)) throw new Error('index.html has a style attribute: a strict policy blocks it');
if (/<base[\s>]/.test(html)) throw new Error('index.html has <base>: base-uri \'none\' blocks it');

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`,
  `style-src 'self' ${styles.join(' ')}`.trim(),
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Markup and script addresses only through the widget's own default policy
  // (src/browser.rs allow_trusted_types).
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ');

const sheet = /<link (?=[^>]*rel=stylesheet)(?![^>]*crossorigin)/;
if (!sheet.test(html)) throw new Error('no style sheet link without crossorigin in index.html');
html = html.replace(sheet, '<link crossorigin ');
fs.writeFileSync(htmlFile, html);

// Any page may frame the widget: that is what the iframe snippet is for.
fs.writeFileSync(
  path.join(staging, '_headers'),
  `/*\n  Content-Security-Policy: ${policy}; frame-ancestors *\n  X-Content-Type-Options: nosniff\n`
    // Public files: hosts on other origins and frames sandboxed without
    // allow-same-origin fetch them with CORS.
    + '  Access-Control-Allow-Origin: *\n',
);
console.log(`csp: ${scripts.length} script and ${styles.length} style hashes`);
