// History: the median of every completed run over time, one line per runtime, regressions marked.
import { api } from '../api.js';
import { el, $, pathParam } from '../dom.js';
import * as fmt from '../format.js';
import { currentUnit, chartUnit } from '../units.js';
import { openBenchmarkView } from '../view.js';
import { draw, axis, dots, join, COLORS, OUTLIER } from '../charts.js';

const slug = pathParam(1);
let unit = currentUnit();
let points = [];

async function main() {
  const { runtimes } = await openBenchmarkView(slug, 'History', (u) => {
    unit = u;
    render();
  });
  const histories = await Promise.all(runtimes.map((runtime) => api(
    `/api/benchmarks/${encodeURIComponent(slug)}/history?runtime=${encodeURIComponent(runtime.id)}`)
    .then(pointsOf).catch(() => [])));
  const unique = new Map(histories.flat().map((p) => [p.runId ?? `${p.runtime}@${p.time}`, p]));
  points = [...unique.values()].filter((p) => p.time !== null && Number.isFinite(p.median))
    .sort((a, b) => a.time - b.time);
  $('#status').textContent = points.length ? '' : 'No completed run yet: start one from the benchmark page.';
  render();
}

// One runtime's history (HistoryView in docs/openapi/results.json) as points of the chart and the table.
function pointsOf(history) {
  return history.points.map((p) => ({
    runId: p.runId,
    runtime: history.runtime,
    time: fmt.epochMillis(p.completedAt),
    median: p.median,
    ci: p.ci95 ?? null,
    regression: p.regression === true,
    change: p.change ?? null,
  }));
}

function render() {
  renderTable();
  renderChart();
}

function renderTable() {
  const t = (v) => fmt.time(v, unit);
  $('#points tbody').replaceChildren(...[...points].reverse().map((p) => el('tr', { class: p.regression ? 'regression' : '' },
    el('td', { text: fmt.dateTime(p.time) }),
    el('td', { text: p.runtime }),
    el('td', { class: 'num', text: t(p.median) }),
    el('td', { class: 'num', text: p.ci ? `${t(p.ci.low)} – ${t(p.ci.high)}` : '–' }),
    el('td', {}, p.regression ? el('span', { class: 'badge badge-failed', text: `Regression${p.change !== null ? ` ${changeText(p.change)}` : ''}` })
      : p.change !== null ? changeText(p.change) : ''),
    el('td', {}, p.runId ? el('a', { href: `/runs/${p.runId}`, text: 'Details' }) : '–'))));
}

function changeText(change) {
  // A change is a fraction (0.12 = 12 % slower than the baseline).
  return `${change > 0 ? '+' : ''}${(change * 100).toFixed(1)} %`;
}

function renderChart() {
  if (points.length === 0) {
    $('#chart').replaceChildren();
    return;
  }
  const u = chartUnit(unit, points[0].median);
  const runtimes = [...new Set(points.map((p) => p.runtime))];
  const table = (filter) => {
    const chosen = points.filter(filter);
    return [chosen.map((p) => p.time / 1000), chosen.map((p) => fmt.inUnit(p.median, u))];
  };
  const tables = runtimes.map((r) => table((p) => p.runtime === r));
  tables.push(table((p) => p.regression));
  const data = join(tables.map((tbl) => dedupe(tbl)));
  draw($('#chart'), {
    axes: [axis('Completed'), axis(`Median (${u})`)],
    series: [{ label: 'Completed' },
      ...runtimes.map((r, i) => ({ label: r, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true,
        points: { show: true, size: 6 } })),
      { label: 'Regression', ...dots(OUTLIER, 14) }],
  }, data);
}

// uPlot.join needs strictly increasing x values per table.
function dedupe([xs, ys]) {
  const outX = [];
  const outY = [];
  xs.forEach((x, i) => {
    const nx = outX.length && x <= outX[outX.length - 1] ? outX[outX.length - 1] + 0.001 : x;
    outX.push(nx);
    outY.push(ys[i]);
  });
  return [outX, outY];
}

main();
