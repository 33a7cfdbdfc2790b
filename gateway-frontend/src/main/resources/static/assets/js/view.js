// The frame shared by a benchmark's compare and history views: breadcrumb, title, unit switch, and the
// benchmark and runtimes the view is about.
import { api } from './api.js';
import { $ } from './dom.js';
import { session } from './session.js';
import { renderUnitSwitch } from './units.js';

export async function openBenchmarkView(slug, viewName, onUnitChange) {
  session();
  renderUnitSwitch($('#unit-switch'), onUnitChange);
  const [benchmark, runtimes] = await Promise.all([
    api(`/api/benchmarks/${encodeURIComponent(slug)}`).catch(() => ({ name: slug })),
    api('/api/runtimes').catch(() => []),
  ]);
  $('#bench-link').textContent = benchmark.name;
  $('#bench-link').href = `/benchmarks/${encodeURIComponent(slug)}`;
  $('#title').textContent = `${viewName} · ${benchmark.name}`;
  document.title = `${viewName} · ${benchmark.name} · Benchpulse`;
  return { benchmark, runtimes };
}
