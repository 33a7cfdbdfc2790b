// PHP versions: one benchmark on every runtime with a completed run, ordered by PHP version, against a baseline,
// and its median by version with and without the JIT.
import { api } from '../api.js';
import { el, $, pathParam } from '../dom.js';
import * as fmt from '../format.js';
import { currentUnit, chartUnit } from '../units.js';
import { openBenchmarkView } from '../view.js';
import { draw, axis, COLORS } from '../charts.js';

const slug = pathParam(1);
let unit = currentUnit();
let view = null;

async function main() {
  await openBenchmarkView(slug, 'PHP versions', (u) => {
    unit = u;
    render();
  });
  $('#baseline').addEventListener('change', () => load($('#baseline').value));
  load(new URLSearchParams(window.location.search).get('baseline'));
}

async function load(baseline) {
  const query = baseline ? `?baseline=${encodeURIComponent(baseline)}` : '';
  $('#status').textContent = 'Loading…';
  try {
    view = await api(`/api/benchmarks/${encodeURIComponent(slug)}/versions${query}`);
    $('#status').textContent = '';
    window.history.replaceState(null, '', `${window.location.pathname}?baseline=${encodeURIComponent(view.baseline)}`);
  } catch (e) {
    view = null;
    $('#status').textContent = e.message;
  }
  render();
}

function render() {
  const rows = view ? view.rows : [];
  $('#baseline').replaceChildren(...rows.map((row) => el('option', {
    value: row.runtime, selected: view && row.runtime === view.baseline, text: `${row.runtime} (PHP ${row.phpVersion})`,
  })));
  const t = (v) => fmt.time(v, unit);
  $('#versions tbody').replaceChildren(...rows.map((row) => el('tr', { 'data-runtime': row.runtime,
    class: row.runtime === view.baseline ? 'baseline' : null },
  el('th', { scope: 'row' }, el('a', { href: `/runs/${row.runId}`, text: row.runtime })),
  el('td', { text: row.phpVersion || '–' }),
  el('td', { text: row.jit ? 'JIT' : '–' }),
  el('td', { class: 'num', text: String(row.n) }),
  el('td', { class: 'num', text: t(row.median) }),
  el('td', { class: 'num', text: t(row.p90) }),
  el('td', { class: 'num', text: t(row.p99) }),
  el('td', { class: 'num', text: fmt.percent(row.cv) }),
  el('td', { class: 'num', text: row.ratio ? `${fmt.number(row.ratio.medianRatio, 3)} (${fmt.number(row.ratio.ci95.low, 3)}`
    + ` – ${fmt.number(row.ratio.ci95.high, 3)})` : 'baseline' }),
  el('td', {}, row.ratio ? verdict(row.ratio.verdict) : '–'))));
  renderChart(rows);
}

function verdict(value) {
  const text = { faster: 'faster', slower: 'slower', 'no-significant-difference': 'no significant difference' }[value]
    || value;
  return el('span', { class: `badge badge-${value === 'faster' ? 'completed' : value === 'slower' ? 'failed' : 'queued'}`, text });
}

// One point per PHP version (major.minor) on the x axis; a line without the JIT and one with it.
function renderChart(rows) {
  if (rows.length === 0) {
    $('#chart').replaceChildren();
    return;
  }
  const versions = [...new Set(rows.map((r) => minor(r.phpVersion)))];
  const u = chartUnit(unit, Math.min(...rows.map((r) => r.median)));
  const at = (jit) => versions.map((v) => {
    const found = rows.filter((r) => minor(r.phpVersion) === v && r.jit === jit);
    return found.length ? fmt.inUnit(Math.min(...found.map((r) => r.median)), u) : null;
  });
  const xs = versions.map((_, i) => i + 1);
  draw($('#chart'), {
    scales: { x: { time: false, range: [0.5, versions.length + 0.5] }, y: { range: (_, min, max) => [0, max * 1.15] } },
    axes: [
      { ...axis('PHP version'), splits: () => xs, values: (_, ticks) => ticks.map((tick) => versions[tick - 1] ?? '') },
      axis(`Median time per operation (${u})`),
    ],
    series: [{ label: 'PHP version' },
      { label: 'Without JIT', stroke: COLORS[0], width: 2, spanGaps: true, points: { show: true, size: 8, fill: COLORS[0] } },
      { label: 'With JIT', stroke: COLORS[1], width: 2, dash: [6, 4], spanGaps: true,
        points: { show: true, size: 8, fill: COLORS[1] } }],
    legend: { show: true, live: false },
  }, [xs, at(false), at(true)]);
}

function minor(version) {
  return (version || '?').split('.').slice(0, 2).join('.');
}

main();
