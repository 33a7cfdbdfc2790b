// A run's live state, folded from the API's run JSON and the hub's updates in any order: a terminal state is
// final, and an older progress update never moves the bar backwards.
import { benchmarkSlug, runtimeId } from './api.js';
import { epochMillis } from './format.js';

// INCOMPLETE: the runner finished but samples it took are missing (see missingIterations); a replay may still
// complete it, which a re-read of the run shows.
export const TERMINAL = ['COMPLETED', 'INCOMPLETE', 'FAILED', 'CANCELLED'];

export function fromRun(run) {
  const statistics = run.statistics || null;
  return {
    runId: run.id,
    benchmarkId: benchmarkSlug(run.benchmark),
    benchmarkName: run.benchmarkName || run.benchmark?.name || benchmarkSlug(run.benchmark),
    runtime: runtimeId(run.runtime),
    phpVersion: run.phpVersion || run.runtime?.phpVersion || null,
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
  if (typeof failure === 'string') return { reason: failure, message: '' };
  return { reason: failure.reason || 'FAILED', message: failure.message || '' };
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
