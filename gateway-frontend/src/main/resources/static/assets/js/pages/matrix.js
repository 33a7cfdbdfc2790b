// A matrix: every run one request queued (benchmarks × runtimes), its progress as a whole and each run's median.
import { api } from '../api.js';
import { el, $, showError, pathParam, announce } from '../dom.js';
import * as fmt from '../format.js';

const id = pathParam(1);
const POLL_MILLIS = 2000;

async function main() {
  let finished = false;
  while (!finished) {
    let matrix;
    try {
      matrix = await api(`/api/matrices/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e.status === 404) { // the results service has not seen the requests yet
        await sleep(POLL_MILLIS);
        continue;
      }
      showError($('#matrix tbody'), e);
      return;
    }
    render(matrix);
    finished = matrix.finished;
    if (finished) announce('Every run of the matrix has ended.');
    else await sleep(POLL_MILLIS);
  }
}

function render(matrix) {
  const benchmarks = matrix.benchmarks || [];
  $('#title').textContent = `Matrix: ${benchmarks.length} benchmark${benchmarks.length === 1 ? '' : 's'} on `
    + `${(matrix.runtimes || []).join(', ')}`;
  $('#meta').textContent = [`${matrix.runs} runs`, matrix.requestedBy && `requested by ${matrix.requestedBy}`,
    matrix.requestedAt && fmt.dateTime(matrix.requestedAt)].filter(Boolean).join(' · ');
  const bar = $('#matrix-progress');
  bar.setAttribute('aria-valuenow', String(Math.round(matrix.progress)));
  bar.querySelector('.fill').style.width = `${matrix.progress}%`;
  const counts = Object.entries(matrix.byStatus || {}).map(([status, n]) => `${n} ${status.toLowerCase()}`);
  $('#matrix-status').textContent = `${matrix.progress.toFixed(1)} % · ${counts.join(' · ')} · `
    + `${matrix.samples.taken} of ${matrix.samples.total} samples`;
  renderTable(matrix);
}

function renderTable(matrix) {
  const runtimes = matrix.runtimes || [];
  const ratio = runtimes.length > 1;
  $('#matrix thead').replaceChildren(el('tr', {}, el('th', { scope: 'col', text: 'Benchmark' }),
    ...runtimes.map((r) => el('th', { scope: 'col', class: 'num', text: r })),
    ratio ? el('th', { scope: 'col', class: 'num', text: `${runtimes[runtimes.length - 1]} / ${runtimes[0]}` }) : null));
  $('#matrix tbody').replaceChildren(...(matrix.benchmarks || []).map((benchmark) => {
    const byRuntime = Object.fromEntries(benchmark.runs.map((run) => [run.runtime, run]));
    const first = byRuntime[runtimes[0]];
    const last = byRuntime[runtimes[runtimes.length - 1]];
    return el('tr', { 'data-benchmark': benchmark.slug },
      el('th', { scope: 'row' }, el('a', { href: `/benchmarks/${encodeURIComponent(benchmark.slug)}`, text: benchmark.name })),
      ...runtimes.map((runtime) => el('td', { class: 'num' }, cell(byRuntime[runtime]))),
      ratio ? el('td', { class: 'num', text: first?.median && last?.median ? (last.median / first.median).toFixed(2) : '–' }) : null);
  }));
}

function cell(run) {
  if (!run) return el('span', { class: 'muted', text: 'skipped' });
  if (run.status === 'COMPLETED') return el('a', { href: `/runs/${run.id}`, text: fmt.time(run.median) });
  const text = run.status === 'RUNNING' ? `${run.completedIterations}/${run.iterations}` : run.status.toLowerCase();
  return el('a', { href: `/runs/${run.id}`, class: `badge badge-${run.status.toLowerCase()}`, text });
}

function sleep(millis) {
  return new Promise((resolve) => { window.setTimeout(resolve, millis); });
}

main();
