// A set of live run cards fed by the page's one event stream: cards appear for runs the page cares about,
// follow every update, and re-read their state from the API after a long outage.
import { api } from './api.js';
import { $ } from './dom.js';
import { live } from './live.js';
import { RunCard } from './runcard.js';
import { alertRunEnded, renderAlertPrefs } from './alerts.js';
import { apply, fromRun, merge, TERMINAL } from './runstate.js';

export class LiveBoard {
  /**
   * @param accepts (update) => whether a run not yet on the board belongs here
   * @param onEnded (state) => called once when a run on the board completes or fails
   */
  constructor({ container = '#live-runs', empty = '#live-empty', accepts = () => true, canOperate = false,
    dismissable = true, onEnded = () => {} } = {}) {
    this.container = $(container);
    this.empty = $(empty);
    this.accepts = accepts;
    this.canOperate = canOperate;
    this.dismissable = dismissable;
    this.onEnded = onEnded;
    this.cards = new Map();
    renderAlertPrefs($('#alerts'));
    live.onUpdate((update) => this.handle(update));
    live.onResync(() => this.resync());
    window.setInterval(() => this.cards.forEach((card) => card.renderTimes(Date.now())), 1000);
    this.refreshEmpty();
  }

  /** Puts a run (API JSON) on the board, or refreshes its card; never moves a card back (runstate.merge). */
  show(run, benchmarkName = null) {
    const state = fromRun(run, benchmarkName);
    const card = this.cards.get(state.runId);
    if (card) {
      card.update(merge(card.state, state));
      return card;
    }
    return this.add(state);
  }

  add(state) {
    const card = new RunCard(state, {
      canOperate: this.canOperate,
      onDismiss: this.dismissable ? (c) => this.remove(c) : null,
    });
    this.cards.set(state.runId, card);
    this.container.prepend(card.element);
    this.refreshEmpty();
    return card;
  }

  remove(card) {
    this.cards.delete(card.state.runId);
    card.element.remove();
    this.refreshEmpty();
    $('#main').focus();
  }

  handle(update) {
    if (!update.runId) return;
    let card = this.cards.get(update.runId);
    if (!card) {
      if (!this.accepts(update)) return;
      card = this.add({ runId: update.runId, status: 'QUEUED', current: 0, total: update.totalIterations });
    }
    const wasTerminal = card.terminal;
    card.update(apply(card.state, update));
    if (!wasTerminal && card.terminal) this.ended(card.state);
  }

  ended(state) {
    const name = `${state.benchmarkName || state.benchmarkId} on ${state.runtime}`;
    alertRunEnded(`${name}: ${state.status.toLowerCase()}`,
      state.status === 'COMPLETED' ? 'The statistics are ready.' : (state.failure?.message || ''));
    this.onEnded(state);
  }

  /** Re-reads every unfinished run from the results service (after a long outage). */
  async resync() {
    const open = [...this.cards.values()].filter((card) => !card.terminal);
    await Promise.all(open.map(async (card) => {
      try {
        const run = await api(`/api/runs/${card.state.runId}`);
        const wasTerminal = card.terminal;
        card.update(merge(card.state, fromRun(run)));
        if (!wasTerminal && card.terminal) this.ended(card.state);
      } catch (e) {
        // Keep the card as it is; the next update or resync corrects it.
      }
    }));
  }

  /** Loads the runs that are queued or running now (the API's view), optionally filtered. */
  async loadActive(query = '') {
    const lists = await Promise.all(['RUNNING', 'QUEUED'].map((status) => api(`/api/runs?status=${status}${query}`)
      .then((page) => page.items).catch(() => [])));
    lists.flat().filter((run) => !TERMINAL.includes(run.status)).forEach((run) => this.show(run));
  }

  refreshEmpty() {
    if (this.empty) this.empty.hidden = this.cards.size > 0;
  }
}
