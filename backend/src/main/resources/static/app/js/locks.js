// One tab at a time for what must not run twice at once: trading the refresh token (a token used
// twice revokes the whole sign-in) and sending the outbox. Web Locks span the tabs (Chrome 69+,
// Safari 15.4+); where they are missing, a lock within this tab is the best there is.

const local = new Map();

/** Runs task holding the lock; with ifAvailable, returns null at once when another holds it. */
export function withLock(name, task, { ifAvailable = false } = {}) {
  if (navigator.locks?.request) {
    return navigator.locks.request(name, { ifAvailable }, (lock) => (lock ? task() : null));
  }
  const held = local.get(name);
  if (held && ifAvailable) return Promise.resolve(null);
  const run = (held ?? Promise.resolve()).catch(() => {}).then(task);
  const tail = run.catch(() => {}).finally(() => {
    if (local.get(name) === tail) local.delete(name);
  });
  local.set(name, tail);
  return run;
}
