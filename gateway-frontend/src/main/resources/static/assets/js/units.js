// The unit switch (auto, ns, µs, ms), remembered across pages.
import { el } from './dom.js';

const KEY = 'benchpulse.unit';
const CHOICES = ['auto', 'ns', 'µs', 'ms'];

export function currentUnit() {
  const saved = window.localStorage.getItem(KEY);
  return CHOICES.includes(saved) ? saved : 'auto';
}

/** Renders a radio group into the container; onChange(unit) re-renders the page's numbers. */
export function renderUnitSwitch(container, onChange) {
  if (!container) return;
  const selected = currentUnit();
  const options = CHOICES.map((unit) => {
    const input = el('input', { type: 'radio', name: 'unit', value: unit, id: `unit-${unit}`, checked: unit === selected });
    input.addEventListener('change', () => {
      window.localStorage.setItem(KEY, unit);
      onChange(unit);
    });
    return el('label', { for: `unit-${unit}`, class: 'segment' }, input, el('span', { text: unit }));
  });
  container.replaceChildren(el('fieldset', { class: 'segmented' }, el('legend', { text: 'Unit' }), ...options));
}

/** A fixed unit for a chart or column: the chosen one, or the one that suits the typical value. */
export function chartUnit(unit, typicalNs) {
  if (unit !== 'auto') return unit;
  if (typicalNs >= 1e6) return 'ms';
  if (typicalNs >= 1e3) return 'µs';
  return 'ns';
}
