// Formatting of times (ns per operation), sizes and durations for display.

const UNITS = { ns: 1, 'µs': 1e3, ms: 1e6 };

/** The unit that suits a value in nanoseconds best. */
export function autoUnit(ns) {
  const v = Math.abs(ns);
  if (v >= 1e6) return 'ms';
  if (v >= 1e3) return 'µs';
  return 'ns';
}

export function inUnit(ns, unit) {
  return ns / UNITS[unit];
}

/** "1.234 µs" — unit 'auto' picks one per value. */
export function time(ns, unit = 'auto') {
  if (ns === null || ns === undefined || Number.isNaN(ns)) return '–';
  const u = unit === 'auto' ? autoUnit(ns) : unit;
  return `${number(inUnit(ns, u))} ${u}`;
}

/** Four significant digits, grouped, never scientific. */
export function number(value, digits = 4) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const abs = Math.abs(value);
  const decimals = abs === 0 ? 0 : Math.max(0, Math.min(6, digits - 1 - Math.floor(Math.log10(abs))));
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function percent(fraction, digits = 1) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)} %`;
}

export function bytes(value) {
  if (value === null || value === undefined) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** "1 min 05 s" for a duration in milliseconds. */
export function duration(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export function dateTime(value) {
  if (!value) return '–';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '–' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function epochMillis(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}
