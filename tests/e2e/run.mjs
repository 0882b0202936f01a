// End-to-end tests: serve the real dist/ (built by `trunk build --release`)
// on loopback and drive the system Chromium with playwright-core.
//
//   node tests/e2e/run.mjs [--screenshots]
//
// Exits non-zero when any check fails. Prints timings (load, input to
// redraw) for docs/performance.md; they are reported, never asserted.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const shots = path.join(root, 'docs', 'screenshots');
const takeScreenshots = process.argv.includes('--screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** A static file server for a directory, on a free loopback port. */
export function serve(directory, extraRoutes = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (extraRoutes[url.pathname]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(extraRoutes[url.pathname]());
      return;
    }
    const file = path.join(directory, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file.startsWith(directory) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records console errors, page errors, dialogs and foreign requests. */
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request outside the page's origin: ${url}`);
  });
  return { page, problems, context };
}

/** Number of distinct colours among sampled pixels of each canvas. */
export async function chartColours(page) {
  return page.$$eval('canvas', (canvases) => canvases.map((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length && seen.size < 40; i += 4 * 13) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return seen.size;
  }));
}

async function chartsDrawn(page) {
  await page.waitForFunction(() => {
    const canvases = [...document.querySelectorAll('canvas')];
    return canvases.length === 2 && canvases.every((c) => c.width > 100);
  });
  const colours = await chartColours(page);
  return colours.every((n) => n > 8);
}

const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`FAIL ${name}\n     ${String(error?.stack ?? error).split('\n').join('\n     ')}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const MALFORMED = [
  '#v=1&tpm=lots',
  '#garbage-without-any-equals-sign',
  '#v=99&tpm=2B&from_the_future=1',
  '#tpm=1e400&in=-5&out=0',
  '#v=1&d1=llama-3.3-70b:fp8&d2=nope:bf16:h100-sxm:vllm&d3.gpuh=2',
  '#%ZZ%E0%A4%A&v=%',
  `#v=1&api=${'gpt-5.4,'.repeat(700)}`,
  '#v=1&d1=llama-3.3-70b:fp8:h100-sxm:vllm&d1.gpuh=-3&d1.util=0&d1.min=1.5',
  '#<img src=x onerror=alert(1)>&api=<script>alert(2)</script>',
  '#v=1&tpm=3B&tpm=4B&cache=0.8&write=0.5&api=,,,&d=&d1=',
];

async function main() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run trunk build --release first');
  const server = await serve(dist);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const timings = {};
  if (takeScreenshots) fs.mkdirSync(shots, { recursive: true });

  await check('loads with headline, table and both charts, and asks for nothing beyond its own files', async () => {
    const { page, problems, context } = await watchedPage(browser, origin);
    const start = Date.now();
    await page.goto(`${origin}/`);
    await page.waitForSelector('.xo-headline p');
    expect(await chartsDrawn(page), 'a chart is blank');
    timings.first_chart_ms = Date.now() - start;
    timings.navigation_to_chart_ms = await page.evaluate(() => Math.round(performance.now()));
    const headline = await page.textContent('.xo-headline');
    expect(headline.includes('costs less than') && headline.includes('at your 1B'), headline);
    const rows = await page.$$('.xo-table tbody tr');
    expect(rows.length === 4, `${rows.length} table rows`);
    expect(!(await page.textContent('body')).includes('NaN'), 'NaN on screen');
    expect(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  await check('typing a volume changes the headline, the table and the charts', async () => {
    const { page, problems, context } = await watchedPage(browser, origin);
    await page.goto(`${origin}/`);
    await page.waitForSelector('.xo-headline p');
    await chartsDrawn(page);
    const before = await page.$$eval('canvas', (cs) => cs.map((c) => c.toDataURL()));
    // Time from the input event to both canvases redrawn, measured in the page.
    timings.input_to_redraw_ms = await page.evaluate(async (previous) => {
      const input = document.querySelector('#xo-volume');
      const t0 = performance.now();
      input.value = '3B';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = [...document.querySelectorAll('canvas')].map((c) => c.toDataURL());
        if (now.every((url, i) => url !== previous[i])) return Math.round((performance.now() - t0) * 10) / 10;
        if (performance.now() - t0 > 5000) return -1;
      }
    }, before);
    expect(timings.input_to_redraw_ms > 0, 'the charts did not redraw');
    await page.waitForFunction(() => document.querySelector('.xo-headline').textContent.includes('at your 3B'));
    expect((await page.textContent('.xo-table caption')).includes('3B tokens a month'), 'table caption');
    expect((await page.textContent('.xo-table')).includes('$18,000'), 'Claude Sonnet 4.6 at 3B costs $18,000');
    expect(page.url().includes('tpm=3e9'), page.url());
    if (takeScreenshots) await page.screenshot({ path: path.join(shots, 'widget-3b.png'), fullPage: true });
    // The pointer readout names the values under the pointer.
    const box = await (await page.$('#xo-chart-monthly canvas')).boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.waitForSelector('.xo-readout');
    const readout = await page.textContent('.xo-readout');
    expect(readout.includes('tokens a month') && readout.includes('/month'), readout);
    if (takeScreenshots) {
      await (await page.$('.xo-charts')).screenshot({ path: path.join(shots, 'charts-readout.png') });
    }
    expect(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  await check('a share link opened in a fresh page restores exactly the same state', async () => {
    const { page, problems, context } = await watchedPage(browser, origin);
    await page.goto(`${origin}/`);
    await page.waitForSelector('.xo-headline p');
    await page.fill('#xo-volume', '2.5B');
    await page.click('text=Assumptions about your traffic');
    await page.fill('#xo-w2', '30');
    await page.selectOption('#xo-d0-gpu', 'h200');
    await page.fill('#xo-d0-f11', '2');
    await page.click('text=APIs to compare');
    await page.check('label:has-text("Gemini 2.5 Pro") input');
    await page.waitForFunction(() => location.hash.includes('gemini-2.5-pro'));
    const link = page.url();
    const state = async (p) => ({
      headline: await p.textContent('.xo-headline'),
      table: await p.textContent('.xo-table'),
      volume: await p.inputValue('#xo-volume'),
      hash: new URL(p.url()).hash,
    });
    const original = await state(page);
    const fresh = await watchedPage(browser, origin);
    await fresh.page.goto(link);
    await fresh.page.waitForSelector('.xo-headline p');
    const restored = await state(fresh.page);
    for (const key of Object.keys(original)) expect(original[key] === restored[key], `${key} differs:\n${original[key]}\n${restored[key]}`);
    expect(restored.headline.includes('H200') && restored.headline.includes('Gemini 2.5 Pro'), restored.headline);
    expect((await fresh.page.$$('.xo-notice')).length === 0, 'a notice on a good link');
    // The Share button copies the link and says so.
    await fresh.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await fresh.page.click('text=Copy share link');
    await fresh.page.waitForSelector('text=Link copied');
    const copied = await fresh.page.evaluate(() => navigator.clipboard.readText());
    expect(copied === link, `copied ${copied}`);
    expect(problems.length === 0 && fresh.problems.length === 0, [...problems, ...fresh.problems].join('\n'));
    await fresh.context.close();
    await context.close();
  });

  await check('ten malformed links open the widget with a notice and no console error', async () => {
    for (const [i, fragment] of MALFORMED.entries()) {
      const { page, problems, context } = await watchedPage(browser, origin);
      await page.goto(`${origin}/${fragment}`);
      await page.waitForSelector('.xo-headline p');
      const notice = await page.$('.xo-notice');
      expect(notice, `no notice for ${fragment.slice(0, 60)}`);
      const body = await page.textContent('body');
      expect(!body.includes('NaN'), `NaN on screen for ${fragment.slice(0, 60)}`);
      expect((await page.$$('.xo-notice script, .xo-notice img')).length === 0, 'markup from the link was rendered');
      expect(await chartsDrawn(page), `blank chart for ${fragment.slice(0, 60)}`);
      expect(problems.length === 0, `${fragment.slice(0, 60)}: ${problems.join('\n')}`);
      if (takeScreenshots && i === 7) await page.screenshot({ path: path.join(shots, 'broken-link.png') });
      await context.close();
    }
  });

  if (takeScreenshots) {
    await check('screenshots', async () => {
      const { page, context } = await watchedPage(browser, origin);
      await page.goto(`${origin}/#v=1&tpm=3B`);
      await page.waitForSelector('.xo-headline p');
      await chartsDrawn(page);
      await page.screenshot({ path: path.join(shots, 'widget.png') });
      await context.close();
      const hidpi = await watchedPage(browser, origin, { deviceScaleFactor: 2 });
      await hidpi.page.goto(`${origin}/#v=1&tpm=3B&api=gpt-5.4-mini,claude-sonnet-4.6,gemini-3.1-pro-preview&d1=llama-3.3-70b:fp8:h100-sxm:vllm&d2=gpt-oss-120b:int4:h100-sxm:vllm&d2.own=1`);
      await hidpi.page.waitForSelector('.xo-headline p');
      await chartsDrawn(hidpi.page);
      await (await hidpi.page.$('.xo-charts')).screenshot({ path: path.join(shots, 'charts-hidpi.png') });
      await hidpi.context.close();
    });
  }

  await browser.close();
  server.close();
  console.log(`timings ${JSON.stringify(timings)}`);
  const failed = results.filter((r) => !r.ok);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
