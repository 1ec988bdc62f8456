// Every word a user reads comes from the language's bundle (lang/<code>.js); a second language
// is a second bundle with the same keys.
import vi from './lang/vi.js';

const bundle = vi;

/** The text for a key, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = bundle[key];
  if (text === undefined) {
    console.warn('Missing text', key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? '').toString());
}

/** Whether the bundle has a text for key (for codes the service may add later). */
export function has(key) {
  return key in bundle;
}

/** Fills the shell's elements that name their text with data-text. */
export function fillTexts(root) {
  for (const el of root.querySelectorAll('[data-text]')) {
    el.textContent = t(el.dataset.text);
  }
}

export const locale = 'vi-VN';
