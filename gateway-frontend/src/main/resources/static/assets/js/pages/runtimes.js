// Runtimes: each runtime's exact PHP version, where its build comes from, and every setting it runs with.
import { api } from '../api.js';
import { el, $, showError } from '../dom.js';

async function main() {
  let runtimes;
  try {
    runtimes = await api('/api/runtimes');
  } catch (e) {
    showError($('#runtimes tbody'), e);
    return;
  }
  $('#runtimes tbody').replaceChildren(...runtimes.map(row));
}

function row(runtime) {
  return el('tr', { 'data-runtime': runtime.id },
    el('th', { scope: 'row' }, el('span', { text: runtime.name || runtime.id }),
      el('br'), el('code', { text: runtime.id }), runtime.jit ? el('span', { class: 'badge', text: ' JIT' }) : null),
    el('td', { text: runtime.phpVersion || '–' }),
    el('td', {}, ...origin(runtime.origin || {})),
    el('td', {}, settings(runtime)),
    el('td', {}, runtime.available === false
      ? el('span', { class: 'badge badge-failed', text: 'unavailable' }) : el('span', { class: 'badge badge-completed', text: 'available' }),
    runtime.reason ? el('p', { class: 'help', text: runtime.reason }) : null));
}

// Who built it, with which compiler, and for installed versions the pinned package it came from.
function origin(origin) {
  const lines = [origin.source === 'installed' ? 'installed (./benchpulse php install)' : origin.source || 'configured',
    origin.packager && `built by ${origin.packager}`, origin.buildSystem && `on ${origin.buildSystem}`,
    origin.compiler && `with ${origin.compiler}`].filter(Boolean);
  const parts = lines.map((line) => el('div', { text: line }));
  if (origin.npmPackage) {
    parts.push(el('div', {}, el('code', { text: origin.npmPackage })));
    if (origin.integrity) {
      parts.push(el('div', { class: 'help', text: `${origin.integrity.slice(0, 24)}…`, title: origin.integrity,
        'aria-label': `pinned sha512 of the package: ${origin.integrity}` }));
    }
  }
  return parts;
}

function settings(runtime) {
  const entries = [...(runtime.startOptions || []).filter((o) => o !== '-d'),
    ...Object.entries(runtime.settings || {}).map(([key, value]) => `${key}=${value}`)];
  return entries.length === 0 ? el('span', { class: 'muted', text: 'PHP defaults' })
    : el('ul', { class: 'settings' }, entries.map((entry) => el('li', {}, el('code', { text: entry }))));
}

main();
