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
