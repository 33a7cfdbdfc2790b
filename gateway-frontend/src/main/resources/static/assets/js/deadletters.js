// A warning on every page while records wait on a dead-letter topic: they were parked as bad in themselves and
// need an operator (fix the cause, then ./benchpulse dlt replay <topic>). Checked on load and every 30 s.
import { api } from './api.js';
import { $ } from './dom.js';

const INTERVAL_MS = 30_000;

async function check() {
  const banner = $('#dead-letters');
  if (!banner) return;
  try {
    const report = await api('/api/operations/dead-letters?limit=0');
    const waiting = (report.topics || []).filter((t) => t.depth > 0);
    banner.hidden = waiting.length === 0;
    banner.textContent = waiting.length === 0 ? '' : `${report.waiting} record(s) wait on dead-letter topics (`
      + waiting.map((t) => `${t.topic}: ${t.depth}`).join(', ') + '). See them with ./benchpulse dlt list; fix'
      + ' the cause, then ./benchpulse dlt replay <topic>.';
  } catch (e) {
    // No answer (results service down, or not allowed): the page says nothing rather than something wrong.
    banner.hidden = true;
  }
}

check();
setInterval(check, INTERVAL_MS);
