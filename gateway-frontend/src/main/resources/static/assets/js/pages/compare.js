// Compare: a benchmark's runtimes side by side, the ratio of medians and whether the difference is real.
import { api } from '../api.js';
import { el, $, pathParam } from '../dom.js';
import * as fmt from '../format.js';
import { currentUnit, chartUnit } from '../units.js';
import { openBenchmarkView } from '../view.js';
import { draw, axis, bars, dots, whiskers, COLORS } from '../charts.js';
import { entriesOf, pairsOf, verdictText } from '../comparison.js';

const slug = pathParam(1);
let unit = currentUnit();
let comparison = null;

const COLUMNS = [
  ['Median', (s) => s.median],
  ['95% CI of the mean', (s) => s.ci95, 'interval'],
  ['p90', (s) => s.p90],
  ['p99', (s) => s.p99],
  ['Mean', (s) => s.mean],
  ['CV', (s) => s.cv, 'percent'],
];

async function main() {
  const { runtimes } = await openBenchmarkView(slug, 'Compare runtimes', (u) => {
    unit = u;
    render();
  });
  const requested = new URLSearchParams(window.location.search).get('runtimes');
  const completed = await api(`/api/runs?benchmark=${encodeURIComponent(slug)}&status=COMPLETED&size=200`)
    .then((page) => new Set(page.items.map((run) => run.runtime))).catch(() => new Set());
  const chosen = requested ? requested.split(',') : runtimes.map((r) => r.id).filter((id) => completed.has(id));
  $('#runtime-options').replaceChildren(...runtimes.map((runtime) => el('label', { class: 'option', for: `cmp-${runtime.id}` },
    el('input', {
      type: 'checkbox', id: `cmp-${runtime.id}`, value: runtime.id, checked: chosen.includes(runtime.id), onchange: reload,
    }), ` ${runtime.name || runtime.id}`,
    completed.has(runtime.id) ? '' : el('span', { class: 'muted', text: ' (no completed run yet)' }))));
  reload();
}

async function reload() {
  const ids = [...document.querySelectorAll('#runtime-options input:checked')].map((i) => i.value);
  const query = ids.length ? `?runtimes=${ids.map(encodeURIComponent).join(',')}` : '';
  window.history.replaceState(null, '', `${window.location.pathname}${query}`);
  if (ids.length < 2) {
    comparison = null;
    $('#status').textContent = 'Choose two or more runtimes that have a completed run of this benchmark.';
    render();
    return;
  }
  $('#status').textContent = 'Loading…';
  try {
    comparison = await api(`/api/benchmarks/${encodeURIComponent(slug)}/comparison${query}`);
    $('#status').textContent = '';
  } catch (e) {
    comparison = null;
    $('#status').textContent = e.message;
  }
  render();
}

function render() {
  const entries = comparison ? entriesOf(comparison).filter((e) => e.statistics) : [];
  if (comparison && entries.length === 0) {
    $('#status').textContent = 'No completed run yet for these runtimes: start one from the benchmark page.';
  }
  renderTable(entries);
  renderVerdicts(comparison ? pairsOf(comparison) : []);
  renderChart(entries);
}

function renderTable(entries) {
  const t = (v) => fmt.time(v, unit);
  const best = COLUMNS.map(([, get, kind]) => (kind === 'interval' ? null
    : Math.min(...entries.map((e) => get(e.statistics)).filter(Number.isFinite))));
  $('#comparison thead').replaceChildren(el('tr', {}, el('th', { scope: 'col', text: 'Runtime' }),
    el('th', { scope: 'col', text: 'n', class: 'num' }),
    ...COLUMNS.map(([label]) => el('th', { scope: 'col', class: 'num', text: label })),
    el('th', { scope: 'col', text: 'Run' })));
  $('#comparison tbody').replaceChildren(...entries.map((entry) => el('tr', {},
    el('th', { scope: 'row' }, entry.runtime, entry.phpVersion ? el('span', { class: 'muted', text: ` PHP ${entry.phpVersion}` }) : ''),
    el('td', { class: 'num', text: String(entry.statistics.n ?? '–') }),
    ...COLUMNS.map(([, get, kind], i) => {
      const value = get(entry.statistics);
      const text = kind === 'interval' ? (value ? `${t(value.low)} – ${t(value.high)}` : '–')
        : kind === 'percent' ? fmt.percent(value) : t(value);
      const isBest = entries.length > 1 && best[i] !== null && value === best[i];
      return el('td', { class: isBest ? 'num best' : 'num' }, text,
        isBest ? el('span', { class: 'visually-hidden', text: ' (best)' }) : '');
    }),
    el('td', {}, entry.runId ? el('a', { href: `/runs/${entry.runId}`, text: 'Details' }) : '–'))));
}

function renderVerdicts(pairs) {
  $('#verdicts').replaceChildren(...pairs.map((pair) => {
    const significant = !verdictText(pair).startsWith('No significant');
    const detail = [pair.ratio !== null && `ratio of medians ${fmt.number(pair.ratio, 3)}`,
      pair.ci && `95% CI ${fmt.number(pair.ci.low, 3)} – ${fmt.number(pair.ci.high, 3)}`,
      pair.pValue !== null && `Mann-Whitney U p ${pair.pValue < 0.0001 ? '< 0.0001' : `= ${fmt.number(pair.pValue, 2)}`}`]
      .filter(Boolean).join(', ');
    return el('li', { class: significant ? 'verdict significant' : 'verdict' },
      el('strong', { text: verdictText(pair) }), el('span', { class: 'muted', text: ` (${detail})` }));
  }));
  if (pairs.length === 0) $('#verdicts').append(el('li', { class: 'muted', text: 'Choose two or more runtimes with completed runs.' }));
}

function renderChart(entries) {
  if (entries.length === 0) {
    $('#chart').replaceChildren();
    return;
  }
  const u = chartUnit(unit, Math.min(...entries.map((e) => e.statistics.median)));
  const v = (x) => (x === null || x === undefined ? null : fmt.inUnit(x, u));
  const xs = entries.map((_, i) => i + 1);
  const ci = entries.map((e) => e.statistics.ci95 || {});
  draw($('#chart'), {
    scales: { x: { time: false, range: [0.4, entries.length + 0.6] }, y: { range: (_, min, max) => [0, max * 1.1] } },
    axes: [
      { ...axis('Runtime'), splits: () => xs, values: (_, ticks) => ticks.map((t) => entries[t - 1]?.runtime ?? '') },
      axis(`Time per operation (${u})`),
    ],
    series: [{ label: 'Runtime' }, { label: 'Median', ...bars(COLORS[0], 0.5) },
      { label: 'p90', ...dots(COLORS[1], 10) }, { label: 'p99', ...dots(COLORS[4], 10) }],
    hooks: { draw: [whiskers(ci.map((c) => v(c.low)), ci.map((c) => v(c.high)))] },
  }, [xs, entries.map((e) => v(e.statistics.median)), entries.map((e) => v(e.statistics.p90)),
    entries.map((e) => v(e.statistics.p99))]);
}

main();
