// Optional alerts when a run finishes: a browser notification and/or a short sound, chosen by the visitor.
import { el } from './dom.js';

const KEY = 'benchpulse.alerts';

function prefs() {
  try {
    return JSON.parse(window.localStorage.getItem(KEY)) || { notify: false, sound: false };
  } catch (e) {
    return { notify: false, sound: false };
  }
}

function save(value) {
  window.localStorage.setItem(KEY, JSON.stringify(value));
}

/** Renders the two switches into the container. */
export function renderAlertPrefs(container) {
  if (!container) return;
  const current = prefs();
  const notify = el('input', { type: 'checkbox', id: 'alert-notify', checked: current.notify });
  const sound = el('input', { type: 'checkbox', id: 'alert-sound', checked: current.sound });
  notify.addEventListener('change', async () => {
    if (notify.checked && 'Notification' in window && Notification.permission !== 'granted') {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') notify.checked = false;
    }
    save({ ...prefs(), notify: notify.checked });
  });
  sound.addEventListener('change', () => save({ ...prefs(), sound: sound.checked }));
  container.replaceChildren(
    el('label', { for: 'alert-notify', class: 'switch' }, notify, ' Notify me when a run ends'),
    el('label', { for: 'alert-sound', class: 'switch' }, sound, ' Play a sound'));
}

/** Alerts the visitor that a run ended, as they chose. */
export function alertRunEnded(title, body) {
  const current = prefs();
  if (current.notify && 'Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(title, { body, tag: title });
    } catch (e) {
      // Some browsers only allow notifications from a service worker; the on-page state still shows it.
    }
  }
  if (current.sound) beep();
}

function beep() {
  const AudioContext = window.AudioContext || window.webkitAudioContext;
  if (!AudioContext) return;
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.15, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.4);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.4);
}
