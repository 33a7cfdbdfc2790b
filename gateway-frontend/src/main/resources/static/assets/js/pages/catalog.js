// Landing page: live runs above the catalog, with category filters, tags and text search.
import { api } from '../api.js';
import { el, $, showError } from '../dom.js';
import { session } from '../session.js';
import { LiveBoard } from '../board.js';

const filter = { category: null, tag: null, text: '' };
let benchmarks = [];

async function main() {
  const info = await session();
  const board = new LiveBoard({ canOperate: info.canOperate });
  board.loadActive();
  try {
    benchmarks = await api('/api/benchmarks');
  } catch (e) {
    showError($('#catalog'), e);
    return;
  }
  renderCategories();
  renderMatrixForm(info);
  $('#search').addEventListener('input', (event) => {
    filter.text = event.target.value.trim().toLowerCase();
    renderList();
  });
  renderList();
}

function renderCategories() {
  const categories = [...new Set(benchmarks.map((b) => b.category).filter(Boolean))].sort();
  const chip = (label, value) => el('button', {
    type: 'button', class: 'chip', 'aria-pressed': String(filter.category === value),
    onclick: () => {
      filter.category = value;
      renderCategories();
      renderList();
    },
  }, label);
  $('#categories').replaceChildren(chip('All', null), ...categories.map((c) => chip(c, c)));
}

// A matrix: a category (or the whole catalog) on several runtimes in one request; opens its progress page.
async function renderMatrixForm(info) {
  const categories = [...new Set(benchmarks.map((b) => b.category).filter(Boolean))].sort();
  $('#matrix-scope').replaceChildren(...categories.map((c) => el('option', { value: c, text: `Category ${c}` })),
    el('option', { value: '', text: `The whole catalog (${benchmarks.length} benchmarks)` }));
  if (!info.canOperate) {
    $('#matrix-start').disabled = true;
    $('#matrix-readonly').hidden = false;
  }
  let runtimes = [];
  try {
    runtimes = await api('/api/runtimes');
  } catch (e) {
    showError($('#matrix-runtimes'), e);
  }
  $('#matrix-runtimes').replaceChildren(...runtimes.filter((r) => r.available !== false).map((runtime) => el('label',
    { for: `mx-${runtime.id}`, class: 'option' },
    el('input', { type: 'checkbox', name: 'runtimes', value: runtime.id, id: `mx-${runtime.id}` }),
    ` ${runtime.name || runtime.id}`, el('span', { class: 'muted', text: ` PHP ${runtime.phpVersion || '?'}` }))));
  $('#matrix-form').addEventListener('submit', (event) => {
    event.preventDefault();
    startMatrix();
  });
}

async function startMatrix() {
  const form = $('#matrix-form');
  const error = $('#matrix-error');
  const runtimes = [...form.querySelectorAll('input[name=runtimes]:checked')].map((i) => i.value);
  const iterations = Number($('#matrix-iterations').value);
  const problem = runtimes.length === 0 ? 'Choose at least one runtime.'
    : !Number.isInteger(iterations) || iterations < 1 || iterations > 10000
      ? 'Iterations must be a whole number from 1 to 10,000.' : null;
  error.hidden = !problem;
  error.textContent = problem || '';
  if (problem) return;
  const scope = $('#matrix-scope').value;
  const body = { ...(scope ? { category: scope } : { catalog: true }), runtimes, iterations,
    execution: $('#matrix-interleaved').checked ? 'interleaved' : 'sequential' };
  $('#matrix-start').disabled = true;
  try {
    const answer = await api('/api/runs', { method: 'POST', body });
    window.location.assign(answer.matrixId ? `/matrices/${answer.matrixId}` : `/runs/${answer.runs[0].id}`);
  } catch (e) {
    error.hidden = false;
    error.textContent = e.message;
    $('#matrix-start').disabled = false;
  }
}

function renderTagFilter() {
  $('#active-tag').replaceChildren(filter.tag ? el('button', {
    type: 'button', class: 'chip', 'aria-pressed': 'true', 'aria-label': `Remove the tag filter ${filter.tag}`,
    onclick: () => {
      filter.tag = null;
      renderList();
    },
  }, `#${filter.tag} ✕`) : '');
}

function matches(benchmark) {
  if (filter.category && benchmark.category !== filter.category) return false;
  if (filter.tag && !(benchmark.tags || []).includes(filter.tag)) return false;
  if (!filter.text) return true;
  const haystack = [benchmark.name, benchmark.slug, benchmark.description, benchmark.category, benchmark.group,
    ...(benchmark.tags || [])]
    .join(' ').toLowerCase();
  return filter.text.split(/\s+/).every((word) => haystack.includes(word));
}

function renderList() {
  renderTagFilter();
  const shown = benchmarks.filter(matches);
  $('#catalog-count').textContent = `${shown.length} of ${benchmarks.length} benchmarks`;
  $('#catalog').replaceChildren(...shown.map(item));
  if (shown.length === 0) {
    $('#catalog').append(el('li', { class: 'muted', text: 'No benchmark matches. Clear the search or filters.' }));
  }
}

function item(benchmark) {
  const tags = (benchmark.tags || []).map((tag) => el('li', {}, el('button', {
    type: 'button', class: 'tag', 'aria-label': `Show benchmarks tagged ${tag}`,
    onclick: () => {
      filter.tag = tag;
      renderList();
    },
  }, `#${tag}`)));
  return el('li', { class: 'card benchmark-card' },
    el('p', { class: 'category', text: benchmark.category || '' }),
    el('h3', {}, el('a', { href: `/benchmarks/${encodeURIComponent(benchmark.slug)}`, text: benchmark.name })),
    el('p', { class: 'description', text: benchmark.description || '' }),
    el('ul', { class: 'tags', 'aria-label': 'Tags' }, tags));
}

main();
