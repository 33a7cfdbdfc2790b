// Small DOM helpers: elements are built with textContent only, never from HTML strings, so nothing a benchmark
// or an error message contains can inject markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function $(selector) {
  return document.querySelector(selector);
}

/** Says something to screen-reader users (the page's polite live region). */
export function announce(message) {
  const region = $('#announcer');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => { region.textContent = message; }, 50);
}

export function showError(container, error) {
  container.replaceChildren(el('p', { class: 'notice notice-error', role: 'alert', text: error.message || String(error) }));
}

export function pathParam(index) {
  return decodeURIComponent(window.location.pathname.split('/').filter(Boolean)[index] || '');
}
