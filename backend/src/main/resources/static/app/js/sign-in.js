// Signing in. A wrong password and too many tries are told apart, in Vietnamese.
import { ApiError, NetworkError } from './api.js';
import { h, show } from './dom.js';
import * as outbox from './outbox.js';
import * as session from './session.js';
import { t } from './text.js';

/** known: the officer whose sign-in ended, whose reports may still wait to be sent. */
export async function render(root, app, known) {
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true, value: known?.username ?? '' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { class: 'primary', type: 'submit' }, t('signIn.submit'));
  const form = h(
    'form',
    { class: 'card sign-in', novalidate: true },
    h('h1', {}, t('signIn.title')),
    known ? h('p', {}, t('signIn.again', { name: known.displayName })) : h('p', {}, t('signIn.intro')),
    h('label', { for: 'username' }, t('signIn.username')),
    username,
    h('label', { for: 'password' }, t('signIn.password')),
    password,
    message,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.hidden = true;
    if (!username.value.trim() || !password.value) {
      tell(t('signIn.missing'));
      return;
    }
    // The service takes usernames in any case.
    if (known && known.username.toLowerCase() !== username.value.trim().toLowerCase()) {
      const left = (await outbox.unsent()).length;
      if (left > 0 && !confirm(t('signIn.otherUser', { n: left, name: known.displayName }))) return;
    }
    button.disabled = true;
    button.textContent = t('signIn.working');
    try {
      await session.signIn(username.value.trim(), password.value);
      if (session.passwordChangePending()) {
        // A password the ward set: the officer chooses their own before anything else.
        app.go('#/password');
        return;
      }
      navigator.storage?.persist?.().catch(() => {});
      outbox.retryNow();
      app.go('#/new');
    } catch (e) {
      tell(reason(e));
    } finally {
      button.disabled = false;
      button.textContent = t('signIn.submit');
    }
  });

  function tell(text) {
    message.textContent = text;
    message.hidden = false;
  }

  (known ? password : username).setAttribute('autofocus', '');
  show(root, form);
}

function reason(error) {
  if (error instanceof session.ProvinceAccount) return t('signIn.province');
  if (error instanceof NetworkError) return t('signIn.offline');
  if (error instanceof ApiError) {
    if (error.status === 401) return t('signIn.wrong');
    if (error.status === 429) {
      const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : null;
      return minutes ? t('signIn.tooManyWait', { n: minutes }) : t('signIn.tooMany');
    }
    return error.problem.detail || t('signIn.failed', { status: error.status });
  }
  return t('signIn.failed', { status: '?' });
}
