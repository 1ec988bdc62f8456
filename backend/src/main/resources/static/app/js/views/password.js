// Changing a password a ward admin set (a new account, or a reset) to the officer's own, before
// anything else. The current password is the one just typed at sign-in, kept in memory only; the
// service's rules and refusals show beside the field they concern.
import { ApiError, NetworkError, SignedOut } from '../api.js';
import { h, show } from '../dom.js';
import * as outbox from '../outbox.js';
import * as session from '../session.js';
import { t } from '../text.js';

/** user: the officer whose sign-in waits for the new password. */
export async function render(root, app, user) {
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const next = h('input', { id: 'new-password', name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, 'aria-describedby': 'new-password-hint' });
  const again = h('input', { id: 'new-password-again', name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password', required: true });
  const nextError = h('p', { class: 'field-error', id: 'new-password-error', hidden: true });
  const againError = h('p', { class: 'field-error', id: 'new-password-again-error', hidden: true });
  const button = h('button', { class: 'primary', type: 'submit' }, t('password.submit'));
  const form = h(
    'form',
    { class: 'card sign-in', novalidate: true },
    h('h1', {}, t('password.title')),
    h('p', {}, t('password.intro', { name: user.displayName })),
    // For password managers: the account the new password belongs to.
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: user.username, hidden: true, readonly: true }),
    h('label', { for: 'new-password' }, t('password.new')),
    next,
    h('p', { class: 'hint', id: 'new-password-hint' }, t('password.rules')),
    nextError,
    h('label', { for: 'new-password-again' }, t('password.again')),
    again,
    againError,
    message,
    button,
    h('button', { class: 'link', type: 'button', onclick: otherAccount }, t('password.otherAccount')),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    if (!next.value) return beside(next, nextError, t('password.missing'));
    if (next.value !== again.value) return beside(again, againError, t('password.mismatch'));
    button.disabled = true;
    button.textContent = t('password.working');
    try {
      await session.changePassword(next.value);
      navigator.storage?.persist?.().catch(() => {});
      outbox.retryNow();
      app.go('#/new');
    } catch (e) {
      refused(e);
    } finally {
      button.disabled = false;
      button.textContent = t('password.submit');
    }
  });

  function refused(error) {
    if (error instanceof SignedOut) {
      app.go('#/sign-in');
    } else if (error instanceof NetworkError) {
      tell(t('password.offline'));
    } else if (error instanceof ApiError && error.status === 422 && error.fieldErrors.some((f) => f.field === 'newPassword')) {
      beside(next, nextError, error.fieldErrors.find((f) => f.field === 'newPassword').message);
    } else if (error instanceof ApiError && error.status === 429) {
      tell(t('signIn.tooMany'));
    } else {
      tell(error.problem?.detail || t('password.failed', { status: error.status ?? '?' }));
    }
  }

  function otherAccount() {
    session.abandonPasswordChange();
    app.go('#/sign-in');
  }

  function beside(input, error, text) {
    error.textContent = text;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${input.id === 'new-password' ? 'new-password-hint ' : ''}${error.id}`);
    input.focus();
  }

  function clear() {
    message.hidden = true;
    for (const [input, error] of [[next, nextError], [again, againError]]) {
      error.hidden = true;
      input.removeAttribute('aria-invalid');
    }
    next.setAttribute('aria-describedby', 'new-password-hint');
    again.removeAttribute('aria-describedby');
  }

  function tell(text) {
    message.textContent = text;
    message.hidden = false;
  }

  next.setAttribute('autofocus', '');
  show(root, form);
}
