// The public JSON API of mobile-api-spec/openapi.yaml, and its errors as the app shows them.
import * as session from './session.js';

export const BASE = '/api/v1';

/** The service answered with an RFC 9457 problem. */
export class ApiError extends Error {
  constructor(status, problem, retryAfterSeconds, fromService = true) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
    /** An RFC 9457 problem, as the service answers; not a proxy's or a captive portal's page. */
    this.fromService = fromService;
  }

  /** Worth sending again as it is: the service was busy, slow or broken, not the request. */
  get transient() {
    return this.status === 408 || this.status === 425 || this.status === 429 || this.status >= 500;
  }

  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** No answer at all: offline, or the connection dropped. */
export class NetworkError extends Error {}

/** The sign-in has ended (refresh token expired or revoked): the officer must sign in again. */
export class SignedOut extends Error {}

/**
 * Fetches path under the API with the session's access token, renewing it once on a 401.
 * Resolves with the Response when it is 2xx or 304; rejects with ApiError, NetworkError or SignedOut.
 */
export async function call(path, { method = 'GET', json, body, headers = {}, auth = true, timeoutMs = 30_000 } = {}) {
  for (let attempt = 0; ; attempt++) {
    const sent = new Headers(headers);
    sent.set('Accept', 'application/json, application/problem+json');
    if (json !== undefined) sent.set('Content-Type', 'application/json');
    if (auth) sent.set('Authorization', `Bearer ${await session.accessToken({ renew: attempt > 0 })}`);
    const response = await answer(path, {
      method,
      headers: sent,
      body: json !== undefined ? JSON.stringify(json) : body,
      // A stalled connection (signal but no data) would otherwise hold the outbox for many minutes.
      signal: timeoutSignal(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
    if (response.status === 401 && auth && attempt === 0) continue;
    if (response.ok || response.status === 304) return response;
    throw await errorOf(response);
  }
}

export async function getJson(path, options) {
  return (await call(path, options)).json();
}

async function answer(path, init) {
  try {
    return await fetch(BASE + path, init);
  } catch (e) {
    throw new NetworkError(e.message);
  }
}

/** Aborts a request that has not answered within ms (AbortSignal.timeout is missing before Safari 16). */
export function timeoutSignal(ms) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

export async function errorOf(response) {
  const fromService = (response.headers.get('Content-Type') ?? '').startsWith('application/problem+json');
  let problem;
  try {
    problem = fromService ? await response.json() : {};
  } catch {
    problem = {};
  }
  if (typeof problem !== 'object' || problem === null) problem = {};
  problem.status ??= response.status;
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, problem, Number.isFinite(retryAfter) ? retryAfter : undefined, fromService);
}
