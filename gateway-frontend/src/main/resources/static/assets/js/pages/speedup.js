// Speed-up by category: the whole catalog between two chosen runtimes (two PHP versions, say).
import { api } from '../api.js';
import { el, $ } from '../dom.js';
import * as fmt from '../format.js';
import { session } from '../session.js';

async function main() {
  session();
  let runtimes = [];
  try {
    runtimes = await api('/api/runtimes');
  } catch (e) {
    $('#status').textContent = e.message;
  }
  const params = new URLSearchParams(window.location.search);
  const ids = runtimes.map((r) => r.id);
  const from = params.get('from') || ids.find((id) => /^php-\d/.test(id)) || ids[0];
  const to = params.get('to') || [...ids].reverse().find((id) => /^php-\d+\.\d+$/.test(id)) || ids[ids.length - 1];
  for (const [select, chosen] of [[$('#from'), from], [$('#to'), to]]) {
    select.replaceChildren(...runtimes.map((r) => el('option', { value: r.id, selected: r.id === chosen,
      text: `${r.id}${r.phpVersion ? ` (PHP ${r.phpVersion})` : ''}` })));
    select.addEventListener('change', load);
  }
  load();
}

async function load() {
  const from = $('#from').value;
  const to = $('#to').value;
  window.history.replaceState(null, '', `${window.location.pathname}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  if (!from || !to || from === to) {
    $('#status').textContent = 'Choose two different runtimes.';
    return;
  }
  $('#status').textContent = 'Loading…';
  let view;
  try {
    view = await api(`/api/speedups?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  } catch (e) {
    $('#status').textContent = e.message;
    return;
  }
  $('#status').textContent = view.overall.benchmarks === 0
    ? `No benchmark has a completed run on both ${from} and ${to} yet: run a matrix on both from the catalog page.`
    : `${view.overall.benchmarks} benchmarks: ${speed(view.overall.speedup)} overall from ${from} to ${to}.`;
  $('#categories tbody').replaceChildren(...view.categories.map((c) => el('tr', { 'data-category': c.category },
    el('th', { scope: 'row', text: c.category }),
    el('td', { class: 'num', text: String(c.benchmarks) }),
    el('td', { class: 'num', text: speed(c.speedup) }),
    el('td', { class: 'num', text: `${speed(c.minSpeedup)} – ${speed(c.maxSpeedup)}` }),
    el('td', { class: 'num', text: String(c.faster) }),
    el('td', { class: 'num', text: String(c.slower) }))));
  $('#benchmarks thead').replaceChildren(el('tr', {}, el('th', { scope: 'col', text: 'Benchmark' }),
    el('th', { scope: 'col', text: 'Category' }), el('th', { scope: 'col', class: 'num', text: `${from} median` }),
    el('th', { scope: 'col', class: 'num', text: `${to} median` }), el('th', { scope: 'col', class: 'num', text: 'Speed-up' }),
    el('th', { scope: 'col', text: 'Verdict' })));
  $('#benchmarks tbody').replaceChildren(...view.benchmarks.map((b) => el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: `/benchmarks/${encodeURIComponent(b.benchmark)}/versions`, text: b.name })),
    el('td', { text: b.category || '' }),
    el('td', { class: 'num', text: fmt.time(b.fromMedian) }),
    el('td', { class: 'num', text: fmt.time(b.toMedian) }),
    el('td', { class: 'num', text: speed(1 / b.ratio) }),
    el('td', { text: b.verdict === 'faster' ? 'faster' : b.verdict === 'slower' ? 'slower' : 'no significant difference' }))));
}

function speed(value) {
  return Number.isFinite(value) ? `${fmt.number(value, 3)}×` : '–';
}

main();
