// A benchmark: its PHP code highlighted, a form to start runs on one or more runtimes, its runs live and past.
import { api, items, runtimeId } from '../api.js';
import { el, $, showError, announce, pathParam } from '../dom.js';
import * as fmt from '../format.js';
import { session } from '../session.js';
import { LiveBoard } from '../board.js';

const slug = pathParam(1);

async function main() {
  const info = await session();
  $('#compare-link').href = `/benchmarks/${encodeURIComponent(slug)}/compare`;
  $('#history-link').href = `/benchmarks/${encodeURIComponent(slug)}/history`;
  $('#versions-link').href = `/benchmarks/${encodeURIComponent(slug)}/versions`;
  const board = new LiveBoard({
    canOperate: info.canOperate, accepts: (update) => update.benchmarkId === slug, onEnded: () => loadRuns(),
  });
  let benchmark;
  try {
    benchmark = await api(`/api/benchmarks/${encodeURIComponent(slug)}`);
  } catch (e) {
    showError($('#main'), e);
    return;
  }
  renderHeader(benchmark);
  renderAlternatives(benchmark);
  renderCode(benchmark);
  renderForm(info, board, benchmark);
  board.loadActive(`&benchmark=${encodeURIComponent(slug)}`);
  loadRuns();
}

function renderHeader(benchmark) {
  document.title = `${benchmark.name} · Benchpulse`;
  $('#crumb').textContent = benchmark.name;
  $('#title').textContent = benchmark.name;
  const versions = benchmark.phpVersionReason ? `${benchmark.phpVersions}: ${benchmark.phpVersionReason}`
    : benchmark.minPhpVersion && `PHP ≥ ${benchmark.minPhpVersion}`;
  const extra = [benchmark.category, benchmark.slug, versions,
    benchmark.innerIterations && `${benchmark.innerIterations} operations per sample`].filter(Boolean);
  $('#meta').textContent = extra.join(' · ');
  $('#description').textContent = benchmark.description || '';
}

// The catalog groups alternatives of the same task (str_contains against strpos, say): link to the others.
async function renderAlternatives(benchmark) {
  if (!benchmark.group) return;
  const all = await api('/api/benchmarks').catch(() => []);
  const others = all.filter((b) => b.group === benchmark.group && b.slug !== benchmark.slug);
  if (others.length === 0) return;
  $('#alternatives').replaceChildren(el('h2', { id: 'alternatives-heading', text: 'Other ways to do the same' }),
    el('ul', { class: 'inline-list' }, others.map((b) => el('li', {},
      el('a', { href: `/benchmarks/${encodeURIComponent(b.slug)}`, text: b.name })))));
  $('#alternatives').hidden = false;
}

function renderCode(benchmark) {
  const blocks = [['Setup (run once, not measured)', benchmark.setup], ['Measured body', benchmark.code],
    ['Teardown', benchmark.teardown]].filter(([, code]) => code && code.trim());
  $('#code').replaceChildren(...blocks.map(([label, code]) => {
    const block = el('code', { class: 'language-php', text: code.replace(/\s+$/, '') });
    if (window.Prism?.highlightElement) window.Prism.highlightElement(block);
    return el('figure', { class: 'code' }, el('figcaption', { text: label }),
      el('pre', { class: 'language-php', tabindex: '0', 'aria-label': label }, block));
  }));
}

async function renderForm(info, board, benchmark) {
  const form = $('#start-form');
  if (!info.canOperate) {
    $('#start').disabled = true;
    $('#start-readonly').hidden = false;
  }
  let runtimes = [];
  try {
    runtimes = await api('/api/runtimes');
  } catch (e) {
    showError($('#runtime-options'), e);
  }
  const allowed = benchmark.runtimes ? new Set(benchmark.runtimes.map(runtimeId)) : null;
  let firstChecked = false;
  $('#runtime-options').replaceChildren(...runtimes.map((runtime) => {
    const usable = runtime.available !== false && (!allowed || allowed.has(runtime.id));
    const checked = usable && !firstChecked;
    firstChecked = firstChecked || checked;
    const input = el('input', {
      type: 'checkbox', name: 'runtimes', value: runtime.id, id: `rt-${runtime.id}`, disabled: !usable, checked,
    });
    const excluded = benchmark.excludedRuntimes?.[runtime.id];
    const note = runtime.available === false ? ` — unavailable${runtime.reason ? `: ${runtime.reason}` : ''}`
      : allowed && !allowed.has(runtime.id) ? ` — ${excluded || 'this benchmark does not run on its PHP'}` : '';
    return el('label', { for: `rt-${runtime.id}`, class: 'option' }, input,
      ` ${runtime.name || runtime.id}`, el('span', { class: 'muted', text: ` ${runtime.phpVersion ? `PHP ${runtime.phpVersion}` : ''}${note}` }));
  }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start(form, board, benchmark);
  });
}

async function start(form, board, benchmark) {
  const error = $('#form-error');
  const runtimes = [...form.querySelectorAll('input[name=runtimes]:checked')].map((i) => i.value);
  const iterations = Number(form.iterations.value);
  const problem = runtimes.length === 0 ? 'Choose at least one runtime.'
    : !Number.isInteger(iterations) || iterations < 1 || iterations > 10000
      ? 'Iterations must be a whole number from 1 to 10,000.' : null;
  error.hidden = !problem;
  error.textContent = problem || '';
  if (problem) return;
  $('#start').disabled = true;
  try {
    const body = { benchmark: slug, runtimes, iterations, ...($('#interleaved').checked ? {} : { execution: 'sequential' }) };
    const answer = await api('/api/runs', { method: 'POST', body });
    items(answer).forEach((run) => board.show({
      ...run, benchmarkName: benchmark.name, iterations, status: run.status || 'QUEUED',
    }));
    announce(`Started ${runtimes.length} run${runtimes.length > 1 ? 's' : ''}.`);
    loadRuns();
  } catch (e) {
    error.hidden = false;
    error.textContent = e.message;
  } finally {
    $('#start').disabled = false;
  }
}

async function loadRuns() {
  let runs = [];
  try {
    runs = items(await api(`/api/runs?benchmark=${encodeURIComponent(slug)}`));
  } catch (e) {
    showError($('#runs tbody'), e);
    return;
  }
  $('#runs-empty').hidden = runs.length > 0;
  $('#runs tbody').replaceChildren(...runs.map((run) => el('tr', {},
    el('td', { text: fmt.dateTime(run.startedAt || run.requestedAt) }),
    el('td', { text: runtimeId(run.runtime) }),
    el('td', {}, el('span', { class: `badge badge-${String(run.status).toLowerCase()}`, text: run.status })),
    el('td', { class: 'num', text: `${run.completedIterations ?? 0} / ${run.iterations ?? '?'}` }),
    el('td', { class: 'num', text: fmt.time(run.statistics?.median) }),
    el('td', {}, el('a', { href: `/runs/${run.id}`, text: 'Details', 'aria-label': `Details of the run on ${runtimeId(run.runtime)}` })))));
}

main();
