// The page's one event stream: every run's updates through one Mercure subscription to the URI template that
// matches all run topics, which the gateway names (GET /session, runTopics) so that the topics are defined in one
// place for the whole system. Updates are de-duplicated by id, so the hub's replay after a reconnection (the
// browser sends Last-Event-ID) never counts anything twice; after a long outage, pages re-read run state.

import { session } from './session.js';

const LONG_OUTAGE_MS = 15000;
const MAX_REMEMBERED_IDS = 20000;

class LiveRuns {
  constructor() {
    this.listeners = new Set();
    this.resyncListeners = new Set();
    this.seen = new Set();
    this.lastEventId = null;
    this.lostAt = null;
    this.retryDelay = 1000;
    this.source = null;
    this.starting = false;
  }

  /** Calls fn(update) for every new run update (the parsed `data` JSON). */
  onUpdate(fn) {
    this.connect();
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Calls fn() when the stream comes back after an outage too long to trust the replay alone. */
  onResync(fn) {
    this.resyncListeners.add(fn);
  }

  connect() {
    if (this.source || this.starting) return;
    this.starting = true;
    session().then((info) => {
      this.starting = false;
      if (this.source) return;
      if (info.runTopics) {
        this.subscribe(info.runTopics);
      } else {
        // The gateway could not be asked: retry like a stream the hub closed.
        this.lost();
        this.retryLater();
      }
    });
  }

  subscribe(topic) {
    const url = new URL('/.well-known/mercure', window.location.origin);
    url.searchParams.append('topic', topic);
    // A stream we had to re-create ourselves resumes where it stopped, like the browser's own reconnection.
    if (this.lastEventId) url.searchParams.append('lastEventID', this.lastEventId);
    const source = new EventSource(url, { withCredentials: true });
    this.source = source;
    source.onopen = () => this.opened();
    source.onmessage = (event) => this.received(event);
    source.onerror = () => this.failed(source);
  }

  opened() {
    const outage = this.lostAt === null ? 0 : Date.now() - this.lostAt;
    this.lostAt = null;
    this.retryDelay = 1000;
    setConnection('live', 'Live');
    if (outage > LONG_OUTAGE_MS) this.resyncListeners.forEach((fn) => fn());
  }

  received(event) {
    if (event.lastEventId) {
      if (this.seen.has(event.lastEventId)) return;
      this.remember(event.lastEventId);
    }
    let update;
    try {
      update = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    this.listeners.forEach((fn) => fn(update));
  }

  remember(id) {
    this.seen.add(id);
    this.lastEventId = id;
    if (this.seen.size > MAX_REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value);
  }

  failed(source) {
    this.lost();
    // CONNECTING: the browser retries by itself and sends Last-Event-ID. CLOSED: it gave up (the hub or the
    // gateway refused); we retry with a growing delay and resume from the last id ourselves.
    if (source.readyState === EventSource.CLOSED) {
      this.source = null;
      this.retryLater();
    }
  }

  lost() {
    if (this.lostAt === null) this.lostAt = Date.now();
    setConnection('lost', 'Reconnecting…');
  }

  retryLater() {
    window.setTimeout(() => this.connect(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 30000);
  }
}

function setConnection(state, text) {
  const indicator = document.querySelector('#connection');
  if (!indicator) return;
  indicator.dataset.state = state;
  indicator.textContent = text;
}

export const live = new LiveRuns();
