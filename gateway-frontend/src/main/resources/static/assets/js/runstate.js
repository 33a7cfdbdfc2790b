// A run's live state, folded from the API's run JSON and the hub's updates in any order: a terminal state is
// final, and an older progress update never moves the bar backwards.
import { epochMillis } from './format.js';

// INCOMPLETE: the runner finished but samples it took are missing (see missingIterations); a replay may still
// complete it, which a re-read of the run shows.
export const TERMINAL = ['COMPLETED', 'INCOMPLETE', 'FAILED', 'CANCELLED'];

/** The state of a run the API describes (a run of results-service, or a run runner-service accepted). */
export function fromRun(run, benchmarkName = null) {
  const statistics = run.statistics || null;
  return {
    runId: run.id,
    benchmarkId: run.benchmark,
    benchmarkName: benchmarkName || run.benchmark,
    runtime: run.runtime,
    phpVersion: run.phpVersion || null,
    status: run.status,
    current: run.completedIterations ?? statistics?.n ?? 0,
    total: run.iterations ?? null,
    startedAt: epochMillis(run.startedAt),
    completedAt: epochMillis(run.completedAt),
    statistics,
    failure: failureOf(run.failure),
    missingIterations: run.missingIterations || null,
  };
}

function failureOf(failure) {
  if (!failure) return null;
  return { reason: failure.reason || 'FAILED', message: failure.message || '' };
}

// How far a run has got: a status never moves back to an earlier one on the page.
const RANK = { QUEUED: 0, RUNNING: 1 };

function rank(status) {
  return RANK[status] ?? (TERMINAL.includes(status) ? 2 : 0);
}

/**
 * The state after a read of the run from the API (a poll, the answer to starting it, a resync), which may be older
 * than what the hub already said: the results service can still say QUEUED of a run the hub reported started, or
 * count fewer samples than the last progress update. The furthest status and count win; an ended run stays ended.
 */
export function merge(state, read) {
  if (TERMINAL.includes(state.status)) return state;
  const defined = Object.fromEntries(Object.entries(read).filter(([, v]) => v !== null && v !== undefined));
  if (rank(read.status) < rank(state.status)) {
    // Keep what the page knows; take from the read only what it did not know yet (the name, say).
    const next = { ...state };
    Object.entries(defined).forEach(([key, value]) => { next[key] ??= value; });
    return next;
  }
  const next = { ...state, ...defined };
  if (!TERMINAL.includes(next.status) && (state.current ?? 0) > (next.current ?? 0)) {
    next.current = state.current;
    next.statistics = state.statistics;
  }
  return next;
}

/** The state after an update from the hub (the `data` JSON of a Mercure update). */
export function apply(state, update) {
  const next = { ...state };
  next.benchmarkId = update.benchmarkId || next.benchmarkId;
  next.benchmarkName = update.benchmarkName || next.benchmarkName;
  next.runtime = update.runtime || next.runtime;
  next.phpVersion = update.phpVersion || next.phpVersion;
  if (TERMINAL.includes(state.status)) return next;
  const at = update.occurredAt ?? epochMillis(update.timestamp);
  const total = update.totalIterations ?? next.total;
  switch (update.type) {
    case 'benchmark.started':
      // A start that arrives after samples (a replay, say) does not reset them.
      if ((state.current ?? 0) > 0) return { ...next, status: 'RUNNING', total };
      return { ...next, status: 'RUNNING', current: 0, total, startedAt: at, statistics: null };
    case 'benchmark.progress':
      if ((update.currentIteration ?? 0) < (state.current ?? 0)) return next;
      return {
        ...next, status: 'RUNNING', current: update.currentIteration, total,
        startedAt: next.startedAt ?? at, statistics: update.statistics || next.statistics,
      };
    case 'benchmark.completed':
      return { ...next, status: 'COMPLETED', current: total ?? next.current, total, completedAt: at };
    case 'benchmark.failed':
      return {
        ...next,
        status: update.reason === 'CANCELLED' ? 'CANCELLED' : 'FAILED',
        completedAt: at,
        failure: { reason: update.reason || 'FAILED', message: update.message || '' },
      };
    default:
      return next;
  }
}

/** Progress in percent, 0..100. */
export function progressOf(state) {
  if (state.status === 'COMPLETED') return 100;
  if (!state.total) return 0;
  return Math.min(100, Math.round((100 * (state.current || 0)) / state.total));
}

/** Estimated milliseconds left, from the pace so far; null until the first sample. */
export function remainingOf(state, now) {
  if (!state.startedAt || !state.current || !state.total || TERMINAL.includes(state.status)) return null;
  const perSample = (now - state.startedAt) / state.current;
  return perSample * (state.total - state.current);
}
