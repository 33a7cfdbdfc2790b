// Who is looking: the security mode, the signed-in user, and whether they may start runs; and the Mercure topic
// template of every run's updates (runTopics).
import { api, csrfToken } from './api.js';
import { el, $ } from './dom.js';

let current;

export function session() {
  if (!current) {
    // A failure is not kept: the next call asks again (the live stream needs the run topics it names).
    current = api('/session').catch(() => {
      current = undefined;
      return { mode: 'open', user: null, roles: [], canOperate: true };
    });
    current.then(render);
  }
  return current;
}

function render(info) {
  const box = $('#session');
  if (!box) return;
  if (info.mode === 'open') {
    box.replaceChildren(el('span', { class: 'muted', text: 'Open mode' }));
    return;
  }
  const form = el('form', { method: 'post', action: '/logout', class: 'inline' },
    el('input', { type: 'hidden', name: '_csrf', value: csrfToken() || '' }),
    el('button', { type: 'submit', class: 'link-button', text: 'Sign out' }));
  box.replaceChildren(
    el('span', { text: `${info.user} (${info.roles.join(', ') || 'no role'})` }), ' ', form);
}
