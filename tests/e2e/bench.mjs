// The widget's speed in a real browser: transfer sizes, load, input to
// result and to frame, memory over a long session. Prints one table and
// writes the same figures as JSON (target/bench-web/latest.json and a dated
// copy) for comparison between runs. Times are reported, never asserted.
//
//   node tests/e2e/bench.mjs [--changes N] [--criterion FILE] [--bench-dist DIR]
//
// --bench-dist: a build with the `bench` feature (spans on the performance
// timeline) for the load breakdown and the model's time in the page.
//
// scripts/bench-web builds the release dist/ first and passes criterion's
// output. Figures vary with the machine: compare runs made on one machine.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, memoryAfterGc, serve, typeVolumes } from './run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const LONG_SESSION = Number(arg('--changes', '10000'));
const LOADS = 15;
const INPUTS = 200;
const HEAVY = '#v=1&api=gpt-5.4-mini,claude-sonnet-4.6,deepinfra-llama-3.3-70b,gpt-5.6-luna,gpt-5.6-terra,claude-haiku-4.5,'
  + 'gemini-3.6-flash,gemini-2.5-pro,groq-llama-3.3-70b,together-llama-3.3-70b,fireworks-gpt-oss-120b,deepseek-v4-flash'
  + '&d1=llama-3.3-70b:fp8:h100-sxm:vllm&d2=llama-3.3-70b:fp8:h200:sglang&d3=gpt-oss-120b:int4:h100-sxm:vllm'
  + '&d4=gpt-oss-20b:int4:l40s:vllm&d5=qwen3-30b-a3b:int4:rtx-4090:llama.cpp&d6=llama-3.1-8b:fp8:l40s:vllm'
  + '&d7=deepseek-v3.1:fp8:h200:sglang&d8=llama-3.3-70b:int4:b200:tensorrt-llm&d8.own=1';

const stats = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
};
const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

// Recorded in the page from its first script on: when both volume charts
// (the widget's first paint draws them, as the reference does; the speed
// chart is the second module's) hold pixels and the headline its text, and
// the frame after that.
const WATCH = () => {
  window.__bench = {};
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  const painted = (c) => {
    if (c.width < 100) return false;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length && seen.size < 9; i += 4 * 97) seen.add(data[i] * 65536 + data[i + 1] * 256 + data[i + 2]);
    return seen.size > 8;
  };
  const tick = () => {
    const canvases = document.querySelectorAll('#xo-panel-monthly canvas, #xo-panel-unit canvas, canvas#monthly, canvas#unit');
    const headline = document.querySelector('.xo-headline p');
    if (canvases.length >= 2 && headline && headline.textContent.length > 20 && [...canvases].every(painted)) {
      window.__bench.drawn = performance.now();
      requestAnimationFrame(() => { window.__bench.frame = performance.now(); });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

// For the breakdown (a `bench` build): compile and instantiate timed apart,
// and the moment the widget's first element enters the page.
const INSTRUMENT = () => {
  window.__load = {};
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const module = await WebAssembly.compileStreaming(source);
    window.__load.compiled = performance.now();
    const instance = await WebAssembly.instantiate(module, imports);
    window.__load.instantiated = performance.now();
    return { module, instance };
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector('.xo-root')) {
      window.__load.first_render = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** One cold load of the `bench` build, split into its steps (ms from navigation start). */
async function breakdown(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  const { figures } = await load(context, `${origin}/`, undefined, page);
  const steps = await page.evaluate(() => {
    const resource = (name) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(name));
    const spans = performance.getEntriesByType('measure').map((m) => ({ name: m.name, start_ms: m.startTime, ms: m.duration }));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      html_fetched: nav.responseEnd,
      js_fetched: resource('crossover.js')?.responseEnd,
      wasm_fetched: resource('crossover_bg.wasm')?.responseEnd,
      wasm_compiled: window.__load.compiled,
      wasm_instantiated: window.__load.instantiated,
      first_render: window.__load.first_render,
      spans,
    };
  });
  await context.close();
  return { ...steps, charts_drawn: figures.drawn, next_frame: figures.frame, first_contentful_paint: figures.fcp };
}

/** The model's time per change in the page: the `compare` spans of a `bench` build over `count` volume changes. */
async function compareInPage(browser, origin, fragment, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await load(context, `${origin}/${fragment}`);
  await page.evaluate(() => performance.clearMeasures());
  await typeVolumes(page, 0, count);
  // Yew runs effects (the draws) in a later task once a render has taken 16 ms.
  await page.waitForTimeout(200);
  const spans = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => [m.name, m.duration]));
  await context.close();
  const of = (name) => stats(spans.filter(([n]) => n === name).map(([, ms]) => ms));
  return { compare_ms: of('compare'), chart_specs_ms: of('chart specs'), draw_monthly_ms: of('draw monthly'), draw_per_1m_ms: of('draw unit') };
}

/** The widget's own chart data for a scenario, as its "chart data (CSV)" button saves it. */
async function chartData(browser, origin, fragment) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${origin}/${fragment}`);
  await page.waitForSelector('.xo-headline p');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=chart data (CSV)')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  await context.close();
  return csv;
}

async function load(context, url, reload, fresh) {
  const page = reload ?? fresh ?? await context.newPage();
  if (!reload) await page.addInitScript(WATCH);
  if (reload) await page.reload(); else await page.goto(url);
  await page.waitForFunction(() => window.__bench && window.__bench.frame, null, { timeout: 30000 });
  const figures = await page.evaluate(() => ({
    drawn: window.__bench.drawn,
    frame: window.__bench.frame,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd })),
    html: performance.getEntriesByType('navigation')[0]?.responseEnd ?? NaN,
  }));
  return { page, figures };
}

/** `count` volume changes in the page: input event to result text, and to the frame where both canvases changed. */
async function inputs(page, count) {
  return page.evaluate(async (count) => {
    const input = document.querySelector('#xo-volume');
    const headline = document.querySelector('.xo-headline');
    const canvases = [...document.querySelectorAll('#xo-panel-monthly canvas, #xo-panel-unit canvas, canvas#monthly, canvas#unit')];
    const signature = (c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let h = 0;
      for (let i = 0; i < data.length; i += 4 * 3) h = (h * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
      return h;
    };
    // A task, as a typed key arrives: a message rather than a timer, which
    // the browser would delay once timers nest.
    const channel = new MessageChannel();
    const task = () => new Promise((r) => { channel.port1.onmessage = () => r(performance.now()); channel.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const text = [], painted = [];
    for (let i = 0; i < count; i++) {
      const before = headline.textContent;
      const signatures = canvases.map(signature);
      // The change comes in a task just after a frame, at the same moment
      // for every page: reading the signatures above takes each page its
      // own time (the reference's canvases hold three times the pixels),
      // and an event fired inside a frame's callbacks is not how input
      // arrives.
      await frame();
      await task();
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (headline.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
        });
        observer.observe(headline, { childList: true, subtree: true, characterData: true });
      });
      // Volumes from 1.1B upward, each different, so every change shows.
      input.value = `${(1.1 + i * 0.37).toFixed(2)}B`;
      const start = performance.now();
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      text.push((await changed) - start);
      // The first frame after which both canvases show the change: read in
      // the task after it, once every callback of that frame has run and
      // the frame is rendered.
      for (let f = 0; f < 60; f++) {
        await frame();
        const rendered = await task();
        if (canvases.every((c, k) => signature(c) !== signatures[k])) { painted.push(rendered - start); break; }
      }
    }
    return { text, painted };
  }, count);
}

function transfer() {
  const files = fs.readdirSync(dist).filter((name) => name !== '_headers').filter((f) => fs.statSync(path.join(dist, f)).isFile()).sort();
  const rows = files.map((name) => {
    const data = fs.readFileSync(path.join(dist, name));
    return {
      name,
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ name: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return [...rows, total];
}

function criterion(file) {
  if (!file || !fs.existsSync(file)) return [];
  const out = [];
  let name = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const time = line.match(/time:\s+\[[^\]]*?\s([\d.]+ [µmn]?s)\s/);
    if (time && name) { out.push({ name, median: time[1] }); name = null; continue; }
    const m = line.match(/^([^\s].*?)\s+time:/) ?? line.match(/^([a-z].*[^\s])\s*$/i);
    if (m && !line.startsWith('Benchmarking') && !line.includes('Warming') && !line.includes('Found')) name = m[1].trim();
    if (time && m) out.push({ name: m[1].trim(), median: time[1] });
  }
  return out;
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run scripts/bench-web');
  const server = await serve(dist);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()}`,
    browser: browser.version(),
  };
  result.transfer = transfer();

  // Cold loads: a fresh browser context (empty cache) each; warm: reloads.
  const cold = [], warm = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, figures } = await load(context, `${origin}/`);
    cold.push(figures);
    if (i === 0) {
      for (let j = 0; j < LOADS; j++) warm.push((await load(context, null, page)).figures);
    }
    await context.close();
  }
  const summarise = (runs) => ({
    charts_drawn_ms: stats(runs.map((r) => r.drawn)),
    next_frame_ms: stats(runs.map((r) => r.frame)),
    first_contentful_paint_ms: stats(runs.map((r) => r.fcp)),
  });
  result.load = { cold: summarise(cold), warm: summarise(warm) };
  const first = cold[0];
  result.breakdown = {
    html_ms: round(first.html),
    resources: first.resources.map((r) => ({ name: r.name, start_ms: round(r.start), end_ms: round(r.end) })),
    charts_drawn_ms: round(first.drawn),
    next_frame_ms: round(first.frame),
  };

  // Input: the default scenario and a heavy one (12 APIs, 8 deployments).
  result.input = {};
  for (const [name, fragment] of [['default', '#v=1'], ['heavy', HEAVY]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await load(context, `${origin}/${fragment}`);
    const { text, painted } = await inputs(page, INPUTS);
    result.input[name] = { to_text_ms: stats(text), to_frame_ms: stats(painted), frames_missed: INPUTS - painted.length };
    await context.close();
  }

  // The drawing reference: the same charts for the same curves, plain JS on 2D canvases.
  const curves = {};
  for (const [name, fragment] of [['default', '#v=1'], ['heavy', HEAVY]]) curves[name] = await chartData(browser, origin, fragment);
  const reference = await serve(path.join(root, 'tests', 'bench'), { '/curves.csv': (url) => curves[url.search.slice(1) || 'default'] });
  const referenceOrigin = `http://127.0.0.1:${reference.address().port}`;
  {
    const cold = [], warm = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const { page, figures } = await load(context, `${referenceOrigin}/reference.html`);
      cold.push(figures);
      if (i === 0) {
        for (let j = 0; j < LOADS; j++) warm.push((await load(context, null, page)).figures);
      }
      await context.close();
    }
    result.reference = { load: { cold: summarise(cold), warm: summarise(warm) }, input: {} };
    for (const name of ['default', 'heavy']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const { page } = await load(context, `${referenceOrigin}/reference.html?${name}`);
      const { text, painted } = await inputs(page, INPUTS);
      result.reference.input[name] = { to_text_ms: stats(text), to_frame_ms: stats(painted), frames_missed: INPUTS - painted.length };
      await context.close();
    }
  }
  reference.close();
  const ratio = (a, b) => round(a.median / b.median, 2);
  result.widget_over_reference = {
    cold_load: ratio(result.load.cold.charts_drawn_ms, result.reference.load.cold.charts_drawn_ms),
    warm_load: ratio(result.load.warm.charts_drawn_ms, result.reference.load.warm.charts_drawn_ms),
    ...Object.fromEntries(['default', 'heavy'].flatMap((k) => [
      [`input_to_text_${k}`, ratio(result.input[k].to_text_ms, result.reference.input[k].to_text_ms)],
      [`input_to_frame_${k}`, ratio(result.input[k].to_frame_ms, result.reference.input[k].to_frame_ms)],
    ])),
  };

  // The breakdown and the model in the page, from the `bench` build (spans on the timeline).
  const benchDist = arg('--bench-dist');
  if (benchDist && fs.existsSync(path.join(benchDist, 'index.html'))) {
    const spanServer = await serve(path.resolve(benchDist));
    const spanOrigin = `http://127.0.0.1:${spanServer.address().port}`;
    result.breakdown_spans = await breakdown(browser, spanOrigin);
    result.model_in_page = {
      default: await compareInPage(browser, spanOrigin, '#v=1', INPUTS),
      heavy: await compareInPage(browser, spanOrigin, HEAVY, INPUTS),
    };
    spanServer.close();
  }

  // Memory over a long session.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await load(context, `${origin}/`);
    await typeVolumes(page, 0, 10);
    const after10 = await memoryAfterGc(page);
    await typeVolumes(page, 10, LONG_SESSION);
    const afterMany = await memoryAfterGc(page);
    result.memory = { after_10: after10, [`after_${LONG_SESSION}`]: afterMany };
    await context.close();
  }
  result.criterion = criterion(arg('--criterion'));

  await browser.close();
  server.close();

  const out = path.join(root, 'target', 'bench-web');
  fs.mkdirSync(out, { recursive: true });
  const json = JSON.stringify(result, null, 2);
  fs.writeFileSync(path.join(out, 'latest.json'), json);
  fs.writeFileSync(path.join(out, `${result.date.replace(/[:.]/g, '-')}.json`), json);

  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  const ms = (s) => `${round(s.median)} ms (min ${round(s.min)}, max ${round(s.max)})`;
  const p = (s) => (s.n ? `${round(s.median)} ms median, ${round(s.p95)} ms p95` : 'none recorded');
  const lines = [
    `Crossover web benchmark · ${result.date} · ${result.machine} · Chromium ${result.browser}`,
    '',
    'Transfer            raw        gzip -9    brotli -q 11',
    ...result.transfer.map((r) => `  ${r.name.padEnd(18)}${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(9)}  ${kb(r.brotli).padStart(9)}`),
    '',
    `Load (${LOADS} cold, ${LOADS} warm)`,
    `  cold: both charts drawn ${ms(result.load.cold.charts_drawn_ms)}; next frame ${ms(result.load.cold.next_frame_ms)}; first contentful paint ${ms(result.load.cold.first_contentful_paint_ms)}`,
    `  warm: both charts drawn ${ms(result.load.warm.charts_drawn_ms)}; next frame ${ms(result.load.warm.next_frame_ms)}; first contentful paint ${ms(result.load.warm.first_contentful_paint_ms)}`,
    `  one cold load: HTML ${result.breakdown.html_ms} ms; ${result.breakdown.resources.map((r) => `${r.name} ${r.start_ms}–${r.end_ms} ms`).join('; ')}; charts ${result.breakdown.charts_drawn_ms} ms`,
    '',
    `Input (${INPUTS} volume changes)`,
    ...Object.entries(result.input).map(([k, v]) => `  ${k.padEnd(8)} to result text ${p(v.to_text_ms)}; to the frame with both charts changed ${p(v.to_frame_ms)}${v.frames_missed ? ` (${v.frames_missed} not seen)` : ''}`),
    '',
    `Drawing reference (tests/bench/reference.html: the same curves on 2D canvases, no framework, no wasm)`,
    `  cold: both charts drawn ${ms(result.reference.load.cold.charts_drawn_ms)}; first contentful paint ${ms(result.reference.load.cold.first_contentful_paint_ms)}`,
    `  warm: both charts drawn ${ms(result.reference.load.warm.charts_drawn_ms)}`,
    ...Object.entries(result.reference.input).map(([k, v]) => `  ${k.padEnd(8)} to result text ${p(v.to_text_ms)}; to the frame with both charts changed ${p(v.to_frame_ms)}`),
    `  widget ÷ reference: ${Object.entries(result.widget_over_reference).map(([k, v]) => `${k.replaceAll('_', ' ')} ${v}`).join('; ')}`,
    ...(result.breakdown_spans ? [
      '',
      'One cold load, step by step (bench build; ms from navigation start)',
      `  HTML fetched ${round(result.breakdown_spans.html_fetched)}; JS fetched ${round(result.breakdown_spans.js_fetched)}; wasm fetched ${round(result.breakdown_spans.wasm_fetched)}; compiled ${round(result.breakdown_spans.wasm_compiled)}; instantiated ${round(result.breakdown_spans.wasm_instantiated)}`,
      `  ${result.breakdown_spans.spans.map((s) => `${s.name} ${round(s.start_ms)}+${round(s.ms)}`).join('; ')}`,
      `  first element ${round(result.breakdown_spans.first_render)}; both charts drawn ${round(result.breakdown_spans.charts_drawn)}; next frame ${round(result.breakdown_spans.next_frame)}; first contentful paint ${round(result.breakdown_spans.first_contentful_paint)}`,
      '',
      `Model in the page (bench build, ${INPUTS} volume changes)`,
      ...Object.entries(result.model_in_page).map(([k, v]) => `  ${k.padEnd(8)} compare() ${p(v.compare_ms)}; chart specs ${p(v.chart_specs_ms)}; draw monthly ${p(v.draw_monthly_ms)}; draw per 1M ${p(v.draw_per_1m_ms)}`),
    ] : []),
    '',
    'Memory (after garbage collection)',
    ...Object.entries(result.memory).map(([k, v]) => `  ${k.replace('_', ' ').padEnd(12)} wasm ${kb(v.wasm_bytes)}, JS heap ${kb(v.js_heap_bytes)}`),
    ...(result.criterion.length ? ['', 'Pricing model (criterion, native)', ...result.criterion.map((c) => `  ${c.name}: ${c.median}`)] : []),
    '',
    `JSON: ${path.relative(root, path.join(out, 'latest.json'))}`,
  ];
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
