// Builds elements without HTML strings, so nothing the service or a user wrote is ever read as markup.

/**
 * h('button', {class: 'primary', onclick: fn, disabled: true}, 'Gửi') makes a <button>.
 * Attributes whose value is false, null or undefined are left out; children may be strings,
 * nodes, arrays or nothing.
 */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces what el holds. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
