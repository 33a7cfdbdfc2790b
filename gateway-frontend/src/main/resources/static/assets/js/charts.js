// Charts drawn with uPlot (from its webjar): samples in order with outliers, a histogram, bars with
// confidence-interval whiskers, and lines over time.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';

export const COLORS = ['#0b5cad', '#c2410c', '#1a7f37', '#7e22ce', '#b42318', '#0e7490'];
export const OUTLIER = '#b42318';

function width(container) {
  return Math.max(280, container.clientWidth || 600);
}

/** Draws a chart into the container, replacing the previous one, and keeps it sized to the container. */
export function draw(container, options, data) {
  container.__plot?.destroy();
  container.__observer?.disconnect();
  container.replaceChildren();
  const plot = new uPlot({
    width: width(container), height: options.height || 280, legend: { live: false }, ...options,
  }, data, container);
  container.__plot = plot;
  const observer = new ResizeObserver(() => plot.setSize({ width: width(container), height: plot.height }));
  observer.observe(container);
  container.__observer = observer;
  return plot;
}

// Axis and grid colours follow the page's colour scheme (dashboard.css, prefers-color-scheme).
function cssColor(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function axis(label, format) {
  const grid = cssColor('--chart-grid', '#d0d7de');
  return { label, stroke: cssColor('--chart-axis', '#24292f'), grid: { stroke: grid }, ticks: { stroke: grid }, values: format };
}

/** Vertical bars for a series. */
export function bars(fill, size = 0.6) {
  return { fill, stroke: fill, width: 0, paths: uPlot.paths.bars({ size: [size, 60] }), points: { show: false } };
}

/** Points only, no line. */
export function dots(stroke, size = 5) {
  return { stroke, fill: stroke, width: 0, paths: () => null, points: { show: true, size, stroke, fill: stroke } };
}

/** Draws whiskers from low[i] to high[i] at every x (for confidence intervals). */
export function whiskers(lows, highs, color = cssColor('--chart-axis', '#24292f')) {
  return (u) => {
    const { ctx } = u;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2 * uPlot.pxRatio;
    u.data[0].forEach((x, i) => {
      if (lows[i] === null || highs[i] === null || lows[i] === undefined) return;
      const cx = u.valToPos(x, 'x', true);
      const y1 = u.valToPos(lows[i], 'y', true);
      const y2 = u.valToPos(highs[i], 'y', true);
      const cap = 8 * uPlot.pxRatio;
      ctx.beginPath();
      ctx.moveTo(cx, y1); ctx.lineTo(cx, y2);
      ctx.moveTo(cx - cap, y1); ctx.lineTo(cx + cap, y1);
      ctx.moveTo(cx - cap, y2); ctx.lineTo(cx + cap, y2);
      ctx.stroke();
    });
    ctx.restore();
  };
}

/** Horizontal dashed lines at the given values (fences, medians). */
export function levels(values, color = '#57606a') {
  return (u) => {
    const { ctx } = u;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
    ctx.lineWidth = uPlot.pxRatio;
    values.filter((v) => v !== null && v !== undefined).forEach((v) => {
      const y = u.valToPos(v, 'y', true);
      if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, y);
      ctx.lineTo(u.bbox.left + u.bbox.width, y);
      ctx.stroke();
    });
    ctx.restore();
  };
}

/** Aligns several [xs, ys] tables on one x axis (for lines of different runtimes). */
export function join(tables) {
  return uPlot.join(tables);
}
