// Hostile share links, generated the same way on every run (a seeded
// generator): random bytes, every truncation class of a long valid link,
// each numeric key set to values no number should be, duplicates, huge
// fragments, markup and script in keys and values, Unicode controls,
// invalid UTF-8, unknown ids and slots. tests/e2e/run.mjs opens each one.
//
//   node tests/e2e/hostile-links.mjs     prints them, one a line

import { fileURLToPath } from 'node:url';

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = 'v=1&date=2026-11-30&tpm=2.5B&in=1500&out=500&cache=20%25&write=0.05&batch=0.1&peak=3&hours=12'
  + '&cur=EUR&theme=dark&tab=table&api=gpt-5.4-mini,claude-sonnet-4.6,gemini-3.6-flash'
  + '&c1=Acme%20Cloud&c1.model=llama-3.3-70b&c1.in=0.5&c1.cached=0.05&c1.out=1.5'
  + '&d1=llama-3.3-70b:fp8:h100-sxm:vllm&d1.gpuh=2.2&d1.util=60%25&d1.min=2'
  + '&d2=gpt-oss-120b:int4:h200:sglang&d2.own=1&d2.buy=30000&d2.life=3&d2.pue=1.2&d2.tps=1500';

const NUMERIC = ['tpm', 'in', 'out', 'cache', 'write', 'batch', 'peak', 'hours', 'rate', 'd1.gpuh', 'd1.util',
  'd1.min', 'd1.buy', 'd1.tps', 'd1.fte', 'c1.in', 'c1.out'];
const BAD_NUMBERS = ['NaN', 'Infinity', '-Infinity', '-1', '0', '1e400', '1e-400', '', '9'.repeat(400),
  '0x10', '%D9%A3%D9%A4', '1e', '1,2,3', '--5', '5%25%25', '1_000_', '%E2%80%AE5', '+-3'];
const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>',
  "javascript:alert(1)", '{{7*7}}', '${alert(1)}', '&lt;b&gt;'];
const CONTROLS = ['%E2%80%AE', '%E2%80%8B', '%E2%81%A6', '%00', '%0A', '%0D', '%ED%A0%80', '%FF%FE', '%C0%AF', '%EF%BB%BF'];

/** Strings to type into every text field: what a link can carry, decoded, and more. */
export function hostileStrings() {
  return [
    ...BAD_NUMBERS.map((b) => decodeURIComponent(b)),
    ...MARKUP,
    '\u202e5', '5\u200b', '\u20665\u2069', '\u0000', '1\n2', '\ud800', '\ufeff7', '\u0663\u0664',
    '1e-999', '1e999', '0.0000000000000000001', '5e-324', '１２', 'NAN', 'INF', 'null', 'undefined',
    ' ', '9'.repeat(5000), '$', '%', '12 parsecs', '¹²',
  ];
}

export function hostileLinks() {
  const next = random(20261130);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const links = [];
  // Random bytes, percent-encoded, of various lengths.
  for (let i = 0; i < 40; i++) {
    const length = 1 + Math.floor(next() * 200);
    let text = '';
    for (let j = 0; j < length; j++) text += `%${Math.floor(next() * 256).toString(16).padStart(2, '0')}`;
    links.push(text);
  }
  // Truncations of a long valid link, at every 7th character.
  for (let end = 1; end < VALID.length; end += 7) links.push(VALID.slice(0, end));
  // Each numeric key set to values no number should be.
  for (const key of NUMERIC) {
    for (const value of BAD_NUMBERS) {
      if (next() < 0.5) links.push(`v=1&d1=llama-3.3-70b:fp8:h100-sxm:vllm&c1=X&${key}=${value}`);
    }
  }
  // Duplicates, huge fragments.
  links.push('v=1&tpm=1B&tpm=2B&tpm=3B&api=gpt-5.4&api=gpt-5.4-mini&d1=llama-3.1-8b:bf16:l40s:vllm&d1=x');
  links.push(`v=1&api=${'gpt-5.4-mini,'.repeat(420)}`);
  links.push(`v=1&${'x'.repeat(5000)}`);
  links.push(`v=1&tpm=${'1'.repeat(100000)}`);
  // Markup and script in every key and value.
  for (const text of MARKUP) {
    const e = encodeURIComponent(text);
    links.push(`v=1&${e}=1`, `v=1&tpm=${e}`, `v=1&api=${e}`, `v=1&cur=${e}&rate=2`, `v=1&theme=${e}&tab=${e}`,
      `v=1&d1=${e}:fp8:h100-sxm:vllm`, `v=1&d1=llama-3.3-70b:fp8:h100-sxm:vllm&d1.${e}=1`, `v=1&c1=${e}&c1.in=1&c1.out=2`,
      `v=1&c1=x&c1.model=${e}`, `v=1&date=${e}`, `${text}`);
  }
  // Unicode controls, zero-width characters, invalid UTF-8, NUL and newlines.
  for (const c of CONTROLS) {
    links.push(`v=1&c1=Acme${c}Cloud&c1.in=1&c1.out=2`, `v=1&tpm=3${c}B`, `v=1&zz${c}=1`, `v=1&api=gpt-5.4${c}`);
  }
  // Unknown ids, slots and versions.
  links.push('v=1&d0=llama-3.3-70b:fp8:h100-sxm:vllm', 'v=1&d9=llama-3.3-70b:fp8:h100-sxm:vllm',
    'v=1&d01=llama-3.3-70b:fp8:h100-sxm:vllm', 'v=1&d2.gpuh=3&d3.own=1&c3.in=1', 'v=1&d1=no:fp8:no:no',
    'v=1&d1=llama-3.3-70b:fp7:h100-sxm:vllm', 'v=1&c5=x&c0=y&c01=z', 'v=99&tpm=3B', 'v=-1', 'v=1.5',
    'v=1&date=2026-13-01', 'v=1&date=0000-00-00', 'v=1&date=2099-12-31', 'v=1&cur=NAN&rate=1', 'v=1&cur=INF',
    'v=1&cur=USD&rate=2', 'v=1&rate=5e-324', 'v=1&cur=XYZ', 'v=1&cur=xyz&rate=2');
  links.push(`v=1&api=${['gpt-5.4-mini', 'claude-sonnet-4.6', 'deepinfra-llama-3.3-70b', 'gpt-5.6-luna', 'gpt-5.6-terra',
    'claude-haiku-4.5', 'gemini-3.6-flash', 'gemini-2.5-pro', 'groq-llama-3.3-70b', 'together-llama-3.3-70b',
    'fireworks-gpt-oss-120b', 'deepseek-v4-flash', 'gpt-5.4'].join(',')}`);
  // Random recombinations of all of the above.
  for (let i = 0; i < 40; i++) {
    const parts = [];
    for (let j = 0; j < 1 + Math.floor(next() * 8); j++) {
      parts.push(`${pick([...NUMERIC, 'api', 'cur', 'date', 'd1', 'c1', 'zz'])}=${pick([...BAD_NUMBERS, ...MARKUP.map(encodeURIComponent), ...CONTROLS])}`);
    }
    links.push(parts.join('&'));
  }
  return links;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const link of hostileLinks()) console.log(link.length > 200 ? `${link.slice(0, 200)}… (${link.length} chars)` : link);
}
