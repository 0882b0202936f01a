// The drawing reference: reads the widget's own chart data (its "chart data
// (CSV)" export, served as curves.csv), draws the monthly-cost and
// cost-per-1M charts on log-log axes with a marker at the typed volume, and
// writes the cheapest option at that volume. Redraws both on every input.

const COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d',
  '#9333ea', '#ea580c', '#0d9488', '#4f46e5', '#be123c', '#15803d', '#a16207', '#1d4ed8', '#b91c1c', '#047857', '#c2410c', '#6d28d9'];
const SCALES = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];

const count = (v) => {
  for (const [scale, suffix] of SCALES) if (v >= scale) return `${+(v / scale).toPrecision(3)}${suffix}`;
  return `${+v.toPrecision(3)}`;
};
const money = (v) => `$${count(v)}`;

function parse(csv) {
  const [head, ...rows] = csv.trim().split(/\r?\n/).map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')));
  const volumes = rows.map((r) => +r[0]);
  const series = { monthly: [], unit: [] };
  for (let c = 1; c < head.length; c += 2) {
    const name = head[c].replace(/: monthly cost \w+$/, '');
    series.monthly.push({ name, values: rows.map((r) => +r[c]) });
    series.unit.push({ name, values: rows.map((r) => +r[c + 1]) });
  }
  return { volumes, series };
}

function readVolume(text) {
  const m = text.trim().replace(/[,_ ]/g, '').match(/^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)([kmbt]?)$/i);
  if (!m) return null;
  const scale = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[m[2].toLowerCase()];
  return +m[1] * scale;
}

function at(volumes, values, v) {
  let i = volumes.findIndex((x) => x >= v);
  if (i <= 0) return values[Math.max(i, 0)];
  const t = (Math.log(v) - Math.log(volumes[i - 1])) / (Math.log(volumes[i]) - Math.log(volumes[i - 1]));
  return values[i - 1] + t * (values[i] - values[i - 1]);
}

function draw(canvas, volumes, series, volume, unitLabel) {
  const ratio = devicePixelRatio || 1;
  const width = canvas.parentElement.clientWidth;
  const height = Math.min(440, Math.max(240, width * 0.52));
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.height = `${height}px`;
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  const left = 64, right = width - 16, top = 16, bottom = height - 36;
  const x0 = Math.log10(volumes[0]), x1 = Math.log10(volumes[volumes.length - 1]);
  const all = series.flatMap((s) => s.values).filter((v) => v > 0);
  const y0 = Math.floor(Math.log10(Math.min(...all))), y1 = Math.ceil(Math.log10(Math.max(...all)));
  const x = (v) => left + (Math.log10(v) - x0) / (x1 - x0) * (right - left);
  const y = (v) => bottom - (Math.log10(v) - y0) / (y1 - y0) * (bottom - top);
  g.font = '12px system-ui, sans-serif';
  g.strokeStyle = '#e5e7eb';
  g.fillStyle = '#5b6470';
  g.lineWidth = 1;
  g.textAlign = 'center';
  for (let e = Math.ceil(x0); e <= x1; e++) {
    g.beginPath(); g.moveTo(x(10 ** e), top); g.lineTo(x(10 ** e), bottom); g.stroke();
    g.fillText(count(10 ** e), x(10 ** e), bottom + 16);
  }
  g.textAlign = 'right';
  for (let e = y0; e <= y1; e++) {
    g.beginPath(); g.moveTo(left, y(10 ** e)); g.lineTo(right, y(10 ** e)); g.stroke();
    g.fillText(money(10 ** e), left - 6, y(10 ** e) + 4);
  }
  g.textAlign = 'center';
  g.fillText(`tokens a month · ${unitLabel}`, (left + right) / 2, height - 4);
  g.lineWidth = 2;
  series.forEach((s, k) => {
    g.strokeStyle = COLOURS[k % COLOURS.length];
    g.beginPath();
    s.values.forEach((v, i) => (i ? g.lineTo : g.moveTo).call(g, x(volumes[i]), y(Math.max(v, 10 ** y0))));
    g.stroke();
  });
  g.strokeStyle = '#1a1d21';
  g.setLineDash([4, 4]);
  g.beginPath(); g.moveTo(x(volume), top); g.lineTo(x(volume), bottom); g.stroke();
  g.setLineDash([]);
}

const { volumes, series } = parse(await (await fetch(`curves.csv${location.search}`)).text());
const input = document.getElementById('xo-volume');
const headline = document.querySelector('.xo-headline p');
let volume = readVolume(input.value);

function render() {
  const costs = series.monthly.map((s) => ({ name: s.name, cost: at(volumes, s.values, volume) }));
  const cheapest = costs.reduce((a, b) => (b.cost < a.cost ? b : a));
  headline.textContent = `At your ${count(volume)} tokens a month the cheapest option is ${cheapest.name}, `
    + `at ${money(cheapest.cost)} a month; ${costs.length} options compared.`;
  draw(document.getElementById('monthly'), volumes, series.monthly, volume, 'USD a month');
  draw(document.getElementById('unit'), volumes, series.unit, volume, 'USD per 1M tokens');
}

input.addEventListener('input', () => {
  const typed = readVolume(input.value);
  if (typed) {
    volume = typed;
    render();
  }
});
render();
