// The officer's sign-in: an access token (minutes) and a refresh token (a shift) kept on the
// phone, so a shift never asks twice. Tokens are traded under a lock across tabs, since the
// service revokes a whole sign-in when one refresh token is used twice.
import { ApiError, BASE, NetworkError, SignedOut, errorOf, timeoutSignal } from './api.js';
import * as db from './db.js';
import { withLock } from './locks.js';

const KEY = 'session';
/** Renew this long before the access token runs out, so a slow request does not carry a dead one. */
const MARGIN_MS = 60_000;
/** A token request that has not answered by then never will: the lock it holds blocks every call. */
const TOKEN_WAIT_MS = 30_000;

let held = null;
/**
 * A sign-in with a password a ward admin set, which must be changed before anything else: its
 * tokens and the password just typed, in memory only, never on the phone. Closing the app drops it.
 */
let pending = null;

/** The signed-in user ({id, username, displayName, roles, wardCode, unitId}), or null. */
export async function user() {
  return (await load())?.user ?? null;
}

/** True when the sign-in has ended but the user is known: their outbox waits for them to sign in again. */
export async function expired() {
  const current = await load();
  return Boolean(current && !current.refreshToken);
}

async function load() {
  if (!held) held = (await db.get(db.VALUES, KEY)) ?? null;
  return held;
}

async function save(tokens) {
  const now = Date.now();
  const next = {
    user: tokens.user,
    accessToken: tokens.accessToken,
    accessExpiresAt: now + tokens.expiresIn * 1000,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: now + tokens.refreshExpiresIn * 1000,
  };
  // On disk before in use: a rotated refresh token that lived only in memory would be lost with
  // the tab, and the old one, sent again, revokes the whole sign-in.
  await db.put(db.VALUES, next, KEY);
  held = next;
  return held;
}

/**
 * Signs in; rejects with ApiError (401 wrong password, 429 too many tries) or NetworkError. When
 * the password was set by a ward admin, nothing is kept yet: passwordChangePending() says who must
 * change it, and changePassword() finishes the sign-in.
 */
export async function signIn(username, password) {
  const tokens = await post('/auth/token', { username, password });
  if (!tokens.user.wardCode) {
    // The province's own officers have no ward: they read figures in the console and never report.
    fetch(`${BASE}/auth/logout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.accessToken}` },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
      credentials: 'omit',
    }).catch(() => {});
    throw new ProvinceAccount();
  }
  if (tokens.user.passwordChangeRequired) {
    pending = { tokens, password };
    return tokens.user;
  }
  pending = null;
  return begin(tokens);
}

/** An account of the province itself, not of a ward: nothing to do in the field app. */
export class ProvinceAccount extends Error {}

/** The officer who must first change a password a ward admin set, or null. */
export function passwordChangePending() {
  return pending?.tokens.user ?? null;
}

/** Gives up the sign-in that waits for a new password (another account, say). */
export function abandonPasswordChange() {
  pending = null;
}

/**
 * Changes the password a ward admin set to the officer's own, with the one just typed as the
 * current one, and carries on signed in with the tokens the service answers (they no longer ask
 * for a change). Rejects with ApiError (422 on newPassword, 429), NetworkError, or SignedOut when
 * the sign-in ran out meanwhile.
 */
export async function changePassword(newPassword) {
  if (!pending) throw new SignedOut();
  const change = () => send('PATCH', '/me/password', { currentPassword: pending.password, newPassword }, pending.tokens.accessToken);
  let response = await change();
  if (response.status === 401) {
    // The access token ran out while the officer chose: renewing keeps the requirement.
    try {
      pending.tokens = await post('/auth/refresh', { refreshToken: pending.tokens.refreshToken });
    } catch (e) {
      if (e instanceof ApiError && !e.transient) {
        pending = null;
        throw new SignedOut();
      }
      throw e;
    }
    response = await change();
  }
  if (!response.ok) throw await errorOf(response);
  const tokens = await response.json();
  pending = null;
  return begin(tokens);
}

/** Keeps a sign-in that needs nothing more on the phone. */
async function begin(tokens) {
  const previous = await load();
  if (previous?.user && previous.user.id !== tokens.user.id) {
    // Another officer on this phone: what the last one left is theirs, not this one's.
    held = null;
    await db.erase();
  }
  db.allowWrites();
  return (await save(tokens)).user;
}

/** A valid access token, traded for a new one when it is about to run out (or when renew is set). */
export async function accessToken({ renew = false } = {}) {
  const current = await load();
  if (!current?.refreshToken) throw new SignedOut();
  if (!renew && current.accessExpiresAt - MARGIN_MS > Date.now()) return current.accessToken;
  const stale = current.accessToken;
  return withLock('urbanorder-session', async () => {
    // Another tab may have traded while this one waited: read again before spending the token.
    held = null;
    const latest = await load();
    if (!latest?.refreshToken) throw new SignedOut();
    if (latest.accessToken !== stale && latest.accessExpiresAt - MARGIN_MS > Date.now()) return latest.accessToken;
    if (latest.refreshExpiresAt <= Date.now()) return end(latest);
    try {
      return (await save(await post('/auth/refresh', { refreshToken: latest.refreshToken }))).accessToken;
    } catch (e) {
      if (e.status === 400 || e.status === 401 || e.status === 422) return end(latest);
      throw e;
    }
  });
}

/** The sign-in is over; the user stays known so that their outbox can wait for them. */
async function end(current) {
  held = { user: current.user };
  await db.put(db.VALUES, held, KEY);
  throw new SignedOut();
}

/**
 * Deletes everything the app keeps on the phone, then ends the sign-in on the service when it
 * can be reached within a few seconds: the phone is cleared whatever the network does.
 */
export async function signOut() {
  // The service needs a live access token to revoke the refresh token's family.
  const token = await within(SIGN_OUT_WAIT_MS, accessToken()).catch(() => null);
  const refreshToken = held?.refreshToken;
  held = null;
  await db.erase();
  localStorage.clear();
  sessionStorage.clear();
  if (token && refreshToken) {
    await within(
      SIGN_OUT_WAIT_MS,
      fetch(`${BASE}/auth/logout`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ refreshToken }),
        credentials: 'omit',
      }),
    ).catch(() => {
      // Offline: the phone's copy is gone, and the token expires on the service by itself.
    });
  }
}

const SIGN_OUT_WAIT_MS = 8000;

function within(ms, promise) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

async function post(path, json) {
  const response = await send('POST', path, json);
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

async function send(method, path, json, accessToken) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(BASE + path, {
      method,
      headers,
      body: JSON.stringify(json),
      credentials: 'omit',
      cache: 'no-store',
      signal: timeoutSignal(TOKEN_WAIT_MS),
    });
  } catch (e) {
    throw new NetworkError(e.message);
  }
}
