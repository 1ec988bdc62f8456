// The officer's sign-in: an access token (minutes) and a refresh token (a shift) kept on the
// phone, so a shift never asks twice. Tokens are traded under a lock across tabs, since the
// service revokes a whole sign-in when one refresh token is used twice.
import { BASE, NetworkError, SignedOut, errorOf } from './api.js';
import * as db from './db.js';
import { withLock } from './locks.js';

const KEY = 'session';
/** Renew this long before the access token runs out, so a slow request does not carry a dead one. */
const MARGIN_MS = 60_000;

let held = null;

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
  held = {
    user: tokens.user,
    accessToken: tokens.accessToken,
    accessExpiresAt: now + tokens.expiresIn * 1000,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: now + tokens.refreshExpiresIn * 1000,
  };
  await db.put(db.VALUES, held, KEY);
  return held;
}

/** Signs in; rejects with ApiError (401 wrong password, 429 too many tries) or NetworkError. */
export async function signIn(username, password) {
  const previous = await load();
  const tokens = await post('/auth/token', { username, password });
  if (previous?.user && previous.user.id !== tokens.user.id) {
    // Another officer on this phone: what the last one left is theirs, not this one's.
    await db.erase();
  }
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

/** Ends the sign-in on the service (when reachable) and deletes everything the app keeps. */
export async function signOut() {
  // The service needs a live access token to revoke the refresh token's family.
  const token = await accessToken().catch(() => null);
  const current = await load();
  if (token && current?.refreshToken) {
    try {
      await fetch(`${BASE}/auth/logout`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
        credentials: 'omit',
      });
    } catch {
      // Offline: the phone's copy is deleted below, and the token expires on the service by itself.
    }
  }
  held = null;
  await db.erase();
  localStorage.clear();
  sessionStorage.clear();
}

async function post(path, json) {
  let response;
  try {
    response = await fetch(BASE + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(json),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  if (!response.ok) throw await errorOf(response);
  return response.json();
}
