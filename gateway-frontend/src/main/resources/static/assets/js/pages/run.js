// A run: its statistics, every sample in order (outliers marked), the distribution and memory; live while it runs.
import { api, items, benchmarkSlug, runtimeId } from '../api.js';
import { el, $, showError, pathParam } from '../dom.js';
import * as fmt from '../format.js';
import { session } from '../session.js';
import { LiveBoard } from '../board.js';
import { live } from '../live.js';
import { TERMINAL } from '../runstate.js';
import { reasonText } from '../runcard.js';
import { currentUnit, renderUnitSwitch, chartUnit } from '../units.js';
import { draw, axis, bars, dots, levels, COLORS, OUTLIER } from '../charts.js';
import { sampleTime, sampleMemory, samplePeak, histogram } from '../samples.js';

const runId = pathParam(1);
let run = null;
let samples = [];
let unit = currentUnit();
let refreshing = null;
let benchmarkName = null;

async function main() {
  const info = await session();
  renderUnitSwitch($('#unit-switch'), (u) => {
    unit = u;
    render();
  });
  try {
    await load();
  } catch (e) {
    showError($('#main'), e);
    return;
  }
  if (!TERMINAL.includes(run.status)) {
    const board = new LiveBoard({
      accepts: (update) => update.runId === runId, canOperate: info.canOperate, dismissable: false,
      onEnded: () => load(),
    });
    board.show(run);
    live.onUpdate((update) => {
      if (update.runId === runId) scheduleRefresh();
    });
  }
}

async function load() {
  [run, samples] = await Promise.all([api(`/api/runs/${runId}`),
    api(`/api/runs/${runId}/samples`).then(items).catch(() => [])]);
  if (!benchmarkName) {
    const slug = benchmarkSlug(run.benchmark);
    benchmarkName = await api(`/api/benchmarks/${encodeURIComponent(slug)}`).then((b) => b.name).catch(() => slug);
  }
  render();
}

// While the run is live, re-read statistics and samples at most every two seconds.
function scheduleRefresh() {
  if (refreshing) return;
  refreshing = window.setTimeout(async () => {
    refreshing = null;
    try {
      await load();
    } catch (e) {
      // The next update tries again.
    }
  }, 2000);
}

function render() {
  const slug = benchmarkSlug(run.benchmark);
  const name = benchmarkName || run.benchmark?.name || slug;
  document.title = `${name} on ${runtimeId(run.runtime)} · Benchpulse`;
  $('#bench-link').textContent = name;
  $('#bench-link').href = `/benchmarks/${encodeURIComponent(slug)}`;
  $('#title').textContent = `${name} on ${runtimeId(run.runtime)}`;
  $('#meta').textContent = [run.status, run.startedAt && `started ${fmt.dateTime(run.startedAt)}`,
    run.completedAt && `ended ${fmt.dateTime(run.completedAt)}`,
    `${run.completedIterations ?? samples.length} of ${run.iterations ?? '?'} samples`].filter(Boolean).join(' · ');
  renderFailure();
  renderStatistics(run.statistics);
  renderCharts(run.statistics);
  renderMemory(run.statistics);
}

function renderFailure() {
  if (run.status === 'INCOMPLETE' || run.missingIterations?.length) {
    $('#failure').replaceChildren(missingSamples(run));
    return;
  }
  const failure = run.failure;
  if (!failure || run.status === 'COMPLETED') {
    $('#failure').replaceChildren();
    return;
  }
  const reason = typeof failure === 'string' ? failure : failure.reason;
  const message = typeof failure === 'string' ? '' : failure.message;
  const where = failure.errorSection ? `In ${failure.errorSection}${failure.errorLine ? `, line ${failure.errorLine}` : ''} of the benchmark.` : '';
  $('#failure').replaceChildren(el('div', { class: 'card failure', role: 'alert' },
    el('p', {}, el('strong', { text: reasonText(reason) }), where ? ` ${where}` : ''),
    message ? el('pre', { class: 'php-message', text: message }) : null));
}

/** Samples the runner took that are not stored: the run is not complete (INCOMPLETE once it stopped waiting). */
function missingSamples(incomplete) {
  const missing = incomplete.missingIterations || [];
  const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? `, … (${missing.length} in all)` : '');
  const waiting = incomplete.status === 'INCOMPLETE' ? 'Incomplete' : 'Waiting for samples';
  return el('div', { class: 'card failure', role: 'alert' },
    el('p', {}, el('strong', { text: `${waiting}: ${missing.length} of ${incomplete.samplesTaken} samples missing` }),
      ` (iterations ${shown}). The statistics cover the stored samples only. Missing samples may wait on a`
      + ' dead-letter topic: ./benchpulse dlt list, then ./benchpulse dlt replay once the cause is fixed.'));
}

function renderStatistics(stats) {
  $('#stats-empty').hidden = Boolean(stats);
  if (!stats) {
    $('#stats tbody').replaceChildren();
    return;
  }
  const t = (v) => fmt.time(v, unit);
  const rows = [
    ['Samples (n)', String(stats.n ?? samples.length)],
    ['Median', t(stats.median)],
    ['Mean', t(stats.mean)],
    ['95% CI of the mean', stats.ci95 ? `${t(stats.ci95.low)} – ${t(stats.ci95.high)}` : '–'],
    ['Mode (kernel density)', t(stats.mode)],
    ['Minimum', t(stats.min)],
    ['Maximum', t(stats.max)],
    ['Standard deviation', t(stats.stddev)],
    ['Coefficient of variation', fmt.percent(stats.cv)],
    ['p50 / p90', `${t(stats.p50)} / ${t(stats.p90)}`],
    ['p95 / p99', `${t(stats.p95)} / ${t(stats.p99)}`],
    ['Outliers', stats.outliers ? `${stats.outliers.count} outside ${t(stats.outliers.low)} – ${t(stats.outliers.high)}`
      + ` (${stats.outliers.method || 'Tukey'}; reported, not removed)` : '–'],
    ['Operations per second', fmt.number(stats.opsPerSecond)],
  ];
  $('#stats tbody').replaceChildren(...rows.map(([label, value]) => el('tr', {},
    el('th', { scope: 'row', text: label }), el('td', { class: 'num', text: value }))));
}

function renderCharts(stats) {
  const times = samples.map(sampleTime);
  if (times.length === 0) {
    $('#samples-chart').replaceChildren(el('p', { class: 'muted', text: 'No samples yet.' }));
    $('#histogram').replaceChildren();
    return;
  }
  const u = chartUnit(unit, stats?.median ?? times[0]);
  const scale = (v) => (v === null || v === undefined ? null : fmt.inUnit(v, u));
  const low = stats?.outliers?.low;
  const high = stats?.outliers?.high;
  const isOutlier = (v) => (low !== undefined && v < low) || (high !== undefined && v > high);
  const xs = times.map((_, i) => i + 1);
  draw($('#samples-chart'), {
    scales: { x: { time: false } },
    axes: [axis('Sample'), axis(`Time per operation (${u})`)],
    series: [{ label: 'Sample' },
      { label: 'Time', stroke: COLORS[0], width: 1.5, points: { show: times.length <= 200, size: 4 } },
      { label: 'Outlier', ...dots(OUTLIER, 9) }],
    hooks: { draw: [levels([scale(low), scale(high)])] },
  }, [xs, times.map(scale), times.map((v) => (isOutlier(v) ? scale(v) : null))]);
  const [centers, counts] = histogram(times);
  draw($('#histogram'), {
    height: 220,
    scales: { x: { time: false } },
    axes: [axis(`Time per operation (${u})`, (_, ticks) => ticks.map((v) => fmt.number(v, 3))), axis('Samples')],
    series: [{ label: 'Time' }, { label: 'Samples', ...bars(COLORS[0], 0.9) }],
    hooks: { draw: [verticalAt(scale(stats?.median))] },
  }, [centers.map(scale), counts]);
}

function verticalAt(x) {
  return (plot) => {
    if (x === null || x === undefined) return;
    const { ctx } = plot;
    const cx = plot.valToPos(x, 'x', true);
    ctx.save();
    ctx.strokeStyle = '#1a7f37';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(cx, plot.bbox.top);
    ctx.lineTo(cx, plot.bbox.top + plot.bbox.height);
    ctx.stroke();
    ctx.restore();
  };
}

function renderMemory(stats) {
  const memory = stats?.memory;
  $('#memory').replaceChildren(el('p', {},
    `Mean memory used: ${fmt.bytes(memory?.meanUsedBytes)} · peak: ${fmt.bytes(memory?.peakBytes)}`));
  const used = samples.map(sampleMemory);
  if (used.every((v) => v === null)) {
    $('#memory-chart').replaceChildren();
    return;
  }
  const kib = (v) => (v === null ? null : v / 1024);
  draw($('#memory-chart'), {
    height: 200,
    scales: { x: { time: false } },
    axes: [axis('Sample'), axis('KiB')],
    series: [{ label: 'Sample' }, { label: 'Used', stroke: COLORS[2], width: 1.5 },
      { label: 'Peak', stroke: COLORS[1], width: 1.5, dash: [6, 4] }],
  }, [used.map((_, i) => i + 1), used.map(kib), samples.map(samplePeak).map(kib)]);
}

main();
