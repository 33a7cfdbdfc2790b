// A live run card: progress bar, iteration x of n, elapsed and remaining time, the running mean with its
// confidence interval narrowing as samples arrive, and a clear completed or failed state.
import { api } from './api.js';
import { el, announce } from './dom.js';
import * as fmt from './format.js';
import { TERMINAL, progressOf, remainingOf } from './runstate.js';

const STATUS_TEXT = {
  QUEUED: 'Queued', RUNNING: 'Running', COMPLETED: 'Completed', INCOMPLETE: 'Incomplete', FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};
// The interval meter spans ±20 % around the mean; a narrower interval draws a shorter segment.
const METER_SPAN = 0.2;

export class RunCard {
  constructor(state, { canOperate = false, onDismiss = null } = {}) {
    this.state = state;
    const label = `${state.benchmarkName || state.benchmarkId} on ${state.runtime}`;
    this.title = el('a', { href: `/runs/${state.runId}`, text: state.benchmarkName || state.benchmarkId });
    this.badge = el('span', { class: 'badge' });
    this.runtime = el('p', { class: 'runtime muted' });
    this.fill = el('div', { class: 'fill' });
    this.bar = el('div', {
      class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
      'aria-valuenow': '0', 'aria-label': `Progress of ${label}`,
    }, this.fill);
    this.iteration = el('span', { class: 'iteration' });
    this.elapsed = el('span', { class: 'elapsed' });
    this.eta = el('span', { class: 'eta' });
    this.mean = el('span', { class: 'mean' });
    this.ci = el('span', { class: 'ci muted' });
    this.meterFill = el('span');
    this.failure = el('div', { class: 'failure', hidden: true });
    this.results = el('a', { class: 'button', href: `/runs/${state.runId}`, text: 'View results', hidden: true });
    this.cancel = canOperate ? el('button', { type: 'button', class: 'button', text: 'Cancel run' }) : null;
    this.cancel?.addEventListener('click', () => this.cancelRun());
    this.dismiss = onDismiss ? el('button', {
      type: 'button', class: 'button subtle', text: 'Dismiss', 'aria-label': `Dismiss ${label}`, hidden: true,
    }) : null;
    this.dismiss?.addEventListener('click', () => onDismiss(this));
    this.element = el('article', { class: 'card run-card', 'data-run-id': state.runId, 'aria-label': label },
      el('header', { class: 'run-card-head' }, el('h3', {}, this.title), this.badge),
      this.runtime, this.bar,
      el('p', { class: 'progress-text' }, this.iteration, this.elapsed, this.eta),
      el('div', { class: 'running-stats' }, this.mean, ' ', this.ci,
        el('div', { class: 'ci-meter', 'aria-hidden': 'true' }, el('i'), this.meterFill)),
      this.failure,
      el('footer', { class: 'run-card-actions' }, this.results, this.cancel, this.dismiss));
    this.render(Date.now());
  }

  get terminal() {
    return TERMINAL.includes(this.state.status);
  }

  update(state) {
    const before = this.state.status;
    this.state = state;
    this.render(Date.now());
    if (before !== state.status) this.announceStatus();
  }

  render(now) {
    const s = this.state;
    const percent = progressOf(s);
    this.element.dataset.status = s.status;
    this.title.textContent = s.benchmarkName || s.benchmarkId || 'Run';
    this.element.setAttribute('aria-label', `${this.title.textContent} on ${s.runtime || 'a runtime'}`);
    this.bar.setAttribute('aria-label', `Progress of ${this.title.textContent} on ${s.runtime || 'a runtime'}`);
    this.badge.textContent = STATUS_TEXT[s.status] || s.status;
    this.badge.className = `badge badge-${(s.status || '').toLowerCase()}`;
    this.runtime.textContent = [s.runtime, s.phpVersion && `PHP ${s.phpVersion}`].filter(Boolean).join(' · ');
    this.bar.setAttribute('aria-valuenow', String(percent));
    this.bar.setAttribute('aria-valuetext', `${percent} percent, iteration ${s.current || 0} of ${s.total ?? '?'}`);
    this.fill.style.width = `${percent}%`;
    this.iteration.textContent = s.status === 'QUEUED' ? 'Waiting for a runner'
      : `Iteration ${s.current || 0} of ${s.total ?? '?'}`;
    this.renderTimes(now);
    this.renderStatistics();
    this.renderEnd();
  }

  renderTimes(now) {
    const s = this.state;
    const end = this.terminal ? (s.completedAt ?? now) : now;
    this.elapsed.textContent = s.startedAt ? `elapsed ${fmt.duration(end - s.startedAt)}` : '';
    const left = remainingOf(s, now);
    this.eta.textContent = this.terminal || s.status === 'QUEUED' ? ''
      : left === null ? 'estimating time left…' : `about ${fmt.duration(left)} left`;
  }

  renderStatistics() {
    const stats = this.state.statistics;
    if (!stats || stats.mean === undefined || stats.mean === null) {
      this.mean.textContent = '';
      this.ci.textContent = '';
      this.meterFill.style.width = '0';
      return;
    }
    this.mean.textContent = `mean ${fmt.time(stats.mean)}`;
    const ci = stats.ci95;
    if (!ci || ci.low === null || ci.low === undefined) {
      this.ci.textContent = `n = ${stats.n ?? this.state.current}`;
      return;
    }
    const halfWidth = (ci.high - ci.low) / 2 / stats.mean;
    this.ci.textContent = `95% CI ${fmt.time(ci.low)} – ${fmt.time(ci.high)} (±${fmt.percent(halfWidth)})`;
    const width = Math.min(100, (halfWidth / METER_SPAN) * 100);
    this.meterFill.style.width = `${width}%`;
    this.meterFill.style.left = `${50 - width / 2}%`;
  }

  renderEnd() {
    const s = this.state;
    this.results.hidden = s.status !== 'COMPLETED';
    if (this.cancel) this.cancel.hidden = this.terminal;
    if (this.dismiss) this.dismiss.hidden = !this.terminal;
    this.failure.hidden = !s.failure || s.status === 'COMPLETED';
    if (s.failure && s.status !== 'COMPLETED') {
      this.failure.replaceChildren(
        el('p', {}, el('strong', { text: reasonText(s.failure.reason) })),
        s.failure.message ? el('pre', { class: 'php-message', text: s.failure.message }) : null);
    }
  }

  announceStatus() {
    const s = this.state;
    const name = `${s.benchmarkName || s.benchmarkId} on ${s.runtime}`;
    if (s.status === 'COMPLETED') announce(`${name} completed.`);
    else if (s.status === 'FAILED') announce(`${name} failed: ${reasonText(s.failure?.reason)}.`);
    else if (s.status === 'CANCELLED') announce(`${name} was cancelled.`);
    else if (s.status === 'RUNNING') announce(`${name} started.`);
  }

  async cancelRun() {
    this.cancel.disabled = true;
    try {
      await api(`/api/runs/${this.state.runId}`, { method: 'DELETE' });
      announce('Cancellation requested.');
    } catch (e) {
      this.cancel.disabled = false;
      announce(`Could not cancel: ${e.message}`);
      this.failure.hidden = false;
      this.failure.replaceChildren(el('p', { class: 'notice notice-error', role: 'alert', text: e.message }));
    }
  }
}

export function reasonText(reason) {
  switch (reason) {
    case 'SCRIPT_ERROR': return 'The PHP code failed (SCRIPT_ERROR)';
    case 'TIMEOUT': return 'A sample took too long (TIMEOUT)';
    case 'RUNTIME_UNAVAILABLE': return 'The runtime could not start (RUNTIME_UNAVAILABLE)';
    case 'CANCELLED': return 'Cancelled';
    case 'INTERNAL': return 'The runner failed (INTERNAL)';
    case 'RUNNER_LOST': return 'Its runner was lost, attempt after attempt (RUNNER_LOST)';
    default: return reason || 'Failed';
  }
}
