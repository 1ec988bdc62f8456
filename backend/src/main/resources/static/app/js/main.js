// The field app: signs the officer in, routes between its screens and keeps the outbox running.
import { h, show } from './dom.js';
import * as outbox from './outbox.js';
import * as session from './session.js';
import { releaseAll } from './photos.js';
import * as signIn from './sign-in.js';
import { fillTexts, t } from './text.js';

const view = document.getElementById('view');
const tabs = document.getElementById('tabs');
const notices = document.getElementById('notices');
let leave = null;
/** Which route is current: a screen still loading when the officer taps another is dropped. */
let turn = 0;

/** What every screen may ask of the app. */
const app = {
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  async signOut() {
    const waiting = await outbox.unsent();
    const question = waiting.length > 0 ? t('signOut.unsent', { n: waiting.length }) : t('signOut.confirm');
    if (!confirm(question)) return;
    await session.signOut();
    app.go('#/sign-in');
  },
};

// The screens behind the sign-in are fetched when first opened (the page names only the modules
// outside views/ to fetch at once), so a first visit on a slow connection waits for less. So is
// the one for changing a password a ward admin set, which comes before them all.
const screens = [
  [/^#\/new$/, async (root) => (await import('./views/compose.js')).render(root, app, {})],
  [/^#\/fix\/([0-9a-f-]{36})$/, async (root, match) => (await import('./views/compose.js')).render(root, app, { fix: match[1] })],
  [/^#\/queue$/, async (root) => (await import('./views/queue.js')).render(root, app)],
  [/^#\/mine$/, async (root) => (await import('./views/mine.js')).render(root, app)],
  [/^#\/report\/([0-9a-f-]{36})$/, async (root, match) => (await import('./views/report.js')).render(root, app, match[1])],
];

/**
 * Shows the screen the address names. Each screen draws into a container of its own, which
 * replaces the current one only if no other route began meanwhile.
 */
async function route() {
  const mine = ++turn;
  leave?.();
  leave = null;
  releaseAll();
  showOutboxState();
  const user = await session.user();
  const hash = location.hash || '#/new';
  const container = document.createElement('div');
  // A screen that waits on the network shows its own "loading" meanwhile.
  const early = setTimeout(() => mine === turn && view.replaceChildren(container), 250);
  let cleanup;
  const mustChange = session.passwordChangePending();
  if (mustChange) {
    tabs.hidden = true;
    cleanup = await (await import('./views/password.js')).render(container, app, mustChange);
  } else if (!user || hash === '#/sign-in') {
    tabs.hidden = true;
    cleanup = await signIn.render(container, app, user);
  } else {
    tabs.hidden = false;
    const found = screens.find(([pattern]) => pattern.test(hash));
    const [pattern, screen] = found ?? screens[0];
    for (const link of tabs.querySelectorAll('a')) {
      link.classList.toggle('current', hash.startsWith(`#/${link.dataset.tab}`));
    }
    cleanup = await screen(container, hash.match(pattern));
  }
  clearTimeout(early);
  if (mine !== turn) {
    cleanup?.();
    return;
  }
  leave = cleanup ?? null;
  view.replaceChildren(container);
  view.focus({ preventScroll: true });
  container.querySelector('[autofocus]')?.focus();
}

function showNetwork() {
  const network = document.getElementById('network');
  network.textContent = navigator.onLine ? t('network.online') : t('network.offline');
  network.classList.toggle('offline', !navigator.onLine);
}

/** The count on the queue's tab and the warnings every screen needs. */
async function showOutboxState() {
  const user = await session.user();
  const waiting = user ? await outbox.unsent() : [];
  const count = document.getElementById('queue-count');
  count.hidden = waiting.length === 0;
  count.textContent = String(waiting.length);
  const items = [];
  if (user && (await session.expired())) {
    items.push(h('p', { class: 'notice warn' }, t('notice.signedOut', { n: waiting.length }), ' ', h('a', { href: '#/sign-in' }, t('notice.signInAgain'))));
  }
  if (waiting.length > 0 && !(await persisted())) {
    items.push(h('p', { class: 'notice' }, t('notice.storage', { n: waiting.length })));
  }
  show(notices, items);
}

async function persisted() {
  try {
    return (await navigator.storage?.persisted?.()) ?? false;
  } catch {
    return false;
  }
}

/** After the page has loaded: keeping the shell must not slow the first load on a slow connection. */
function registerWorker() {
  if (!('serviceWorker' in navigator)) return;
  const register = () => navigator.serviceWorker.register('sw.js', { scope: './' }).catch((e) => console.warn('Service worker', e));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
  let hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // A new release took over: say so rather than reload under a form being filled in.
    if (hadController) {
      show(document.getElementById('update'), h('p', { class: 'notice' }, t('notice.updated'), ' ', h('button', { class: 'link', type: 'button', onclick: () => location.reload() }, t('notice.reload'))));
    }
    hadController = true;
  });
}

fillTexts(document);
showNetwork();
addEventListener('online', showNetwork);
addEventListener('offline', showNetwork);
addEventListener('hashchange', route);
outbox.onChange(showOutboxState);
registerWorker();
await route();
outbox.start();
