// The outbox: every report is written here, photos and all, before any network call, and stays
// until the service has it. A retry reuses the report's clientReportId, so the service records it
// once and answers a repeat with the original (200). Only a definite refusal (a 4xx about the
// report itself) stops the retries; the report then waits for the officer to fix or delete it.
import { ApiError, NetworkError, SignedOut, call } from './api.js';
import * as db from './db.js';
import { withLock } from './locks.js';
import * as session from './session.js';

export const WAITING = 'waiting';
export const SENDING = 'sending';
export const SENT = 'sent';
export const REFUSED = 'refused';

const FIRST_DELAY_MS = 5_000;
const LONGEST_DELAY_MS = 5 * 60_000;
/** Delivered reports stay listed (without their photos) this long, so the officer sees the reference. */
const KEEP_SENT_MS = 7 * 24 * 3600_000;
/** After this many tries without an answer, the officer may delete it (it may have arrived). */
const GIVE_UP_AFTER = 5;
/** An upload gets a minute, plus time for its bytes at 160 kbit/s, before it counts as stalled. */
const UPLOAD_BASE_MS = 60_000;
const UPLOAD_BYTES_PER_MS = 20;

const events = new EventTarget();
const channel = 'BroadcastChannel' in self ? new BroadcastChannel('urbanorder-outbox') : null;
let timer = null;

/** Calls listener whenever an entry changes, in this tab or another. */
export function onChange(listener) {
  events.addEventListener('change', listener);
  return () => events.removeEventListener('change', listener);
}

function changed() {
  events.dispatchEvent(new Event('change'));
  channel?.postMessage('change');
}
channel?.addEventListener('message', () => events.dispatchEvent(new Event('change')));

/** The signed-in officer's entries, newest first. */
export async function entries() {
  const me = await session.user();
  if (!me) return [];
  const mine = (await db.all(db.OUTBOX)).filter((entry) => entry.userId === me.id);
  return mine.sort((a, b) => b.createdAt - a.createdAt);
}

export async function get(clientReportId) {
  return db.get(db.OUTBOX, clientReportId);
}

/** Reports not yet delivered (waiting, sending or refused): what signing out would lose. */
export async function unsent() {
  return (await entries()).filter((entry) => entry.state !== SENT);
}

/** Keeps a new report (submission as the API takes it, photos as {blob, name, type, size}) and starts sending. */
export async function add(submission, photos) {
  const me = await session.user();
  const entry = {
    clientReportId: submission.clientReportId,
    userId: me.id,
    createdAt: Date.now(),
    state: WAITING,
    attempts: 0,
    nextAttemptAt: 0,
    trouble: null,
    submission,
    photos,
    problem: null,
    report: null,
  };
  await db.put(db.OUTBOX, entry);
  changed();
  kick();
  return entry;
}

/**
 * A refused report, corrected by the officer, goes back in line under the same id: the service
 * stored nothing when it refused it.
 */
export async function resubmit(clientReportId, submission, photos) {
  const entry = await get(clientReportId);
  if (!entry || entry.state !== REFUSED) throw new Error('Only a refused report can be changed');
  Object.assign(entry, { submission, photos, state: WAITING, attempts: 0, nextAttemptAt: 0, trouble: null, problem: null });
  await db.put(db.OUTBOX, entry);
  changed();
  kick();
}

/**
 * Whether the officer may delete the entry: a refused one, a delivered one (only its record on
 * the phone goes), one never tried, or one that failed again and again (it may have arrived:
 * mayHaveArrived says so, for the officer to be told).
 */
export function deletable(entry) {
  return entry.state === REFUSED || entry.state === SENT || (entry.state === WAITING && (entry.attempts === 0 || entry.attempts >= GIVE_UP_AFTER));
}

export function mayHaveArrived(entry) {
  return entry.state === WAITING && entry.attempts > 0;
}

/** Deletes the entry unless it is being sent meanwhile; resolves to whether it did. */
export async function discard(clientReportId) {
  const removed = await db.removeIf(db.OUTBOX, clientReportId, deletable);
  if (removed) changed();
  return removed;
}

/** Sends what is waiting now rather than after its backoff: the network is back, or the officer asked. */
export async function retryNow() {
  for (const entry of await entries()) {
    if (entry.state === WAITING && entry.nextAttemptAt > Date.now()) {
      entry.nextAttemptAt = 0;
      await db.put(db.OUTBOX, entry);
    }
  }
  kick();
}

/** Starts the queue: now, whenever the network returns, when the app comes to the front, and on a timer. */
export function start() {
  addEventListener('online', () => retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') kick();
  });
  prune().finally(kick);
}

/** Runs the queue soon, in whichever tab holds the lock. */
export function kick() {
  clearTimeout(timer);
  timer = setTimeout(() => run().catch((e) => console.error('Outbox', e)), 0);
}

async function run() {
  await withLock('urbanorder-outbox', sendDue, { ifAvailable: true });
  schedule();
}

async function sendDue() {
  for (;;) {
    const due = (await entries())
      .filter((entry) => (entry.state === WAITING || entry.state === SENDING) && entry.nextAttemptAt <= Date.now())
      .sort((a, b) => a.createdAt - b.createdAt);
    if (due.length === 0 || !navigator.onLine) return;
    const outcome = await send(due[0]);
    if (outcome === 'stop') return;
  }
}

async function schedule() {
  // Offline, the online event starts the queue again.
  if (!navigator.onLine) return;
  const waiting = (await entries()).filter((entry) => entry.state === WAITING);
  if (waiting.length === 0) return;
  const next = Math.min(...waiting.map((entry) => entry.nextAttemptAt));
  clearTimeout(timer);
  timer = setTimeout(kick, Math.max(1000, next - Date.now()));
}

async function send(entry) {
  entry.state = SENDING;
  await db.put(db.OUTBOX, entry);
  changed();
  let outcome = 'next';
  try {
    const bytes = entry.photos.reduce((sum, photo) => sum + (photo.size ?? 0), 0);
    const response = await call('/reports/with-photos', { method: 'POST', body: form(entry), timeoutMs: UPLOAD_BASE_MS + bytes / UPLOAD_BYTES_PER_MS });
    const report = await response.json();
    // Only the service's own answer about this very report counts: a portal's 200 is not delivery.
    if ((response.status !== 200 && response.status !== 201) || report?.clientReportId !== entry.clientReportId || !report.reference) {
      throw new NetworkError(`unexpected answer ${response.status}`);
    }
    delivered(entry, report);
  } catch (e) {
    outcome = failed(entry, e);
  }
  // Deleted meanwhile (signed out, here or in another tab): it stays deleted.
  if (await db.replace(db.OUTBOX, entry.clientReportId, entry)) changed();
  return outcome;
}

function form(entry) {
  const data = new FormData();
  data.append('report', new Blob([JSON.stringify(entry.submission)], { type: 'application/json' }), 'report.json');
  for (const photo of entry.photos) data.append('photos', photo.blob, photo.name);
  return data;
}

function delivered(entry, report) {
  entry.state = SENT;
  entry.sentAt = Date.now();
  entry.trouble = null;
  entry.problem = null;
  entry.report = {
    id: report.id,
    reference: report.reference,
    status: report.status,
    unit: report.assignment?.unit?.name ?? null,
    dueAt: report.dueAt ?? null,
    duplicateOf: report.duplicateOf ?? null,
  };
  // The service keeps the photos now; the phone's copies only take space.
  entry.photos = entry.photos.map(({ name, type, size }) => ({ name, type, size }));
}

/** Records why the send failed; 'stop' when nothing else can go either (offline, signed out). */
function failed(entry, error) {
  if (error instanceof SignedOut || (error instanceof ApiError && error.status === 401)) {
    entry.state = WAITING;
    entry.trouble = { kind: 'signedOut' };
    // Signing in again sends it at once (retryNow); until then, no point knocking.
    entry.nextAttemptAt = Date.now() + LONGEST_DELAY_MS;
    return 'stop';
  }
  // Only the service's own problem about the report is a refusal; a proxy's or a portal's page is not.
  if (error instanceof ApiError && !error.transient && error.fromService) {
    entry.state = REFUSED;
    entry.problem = {
      status: error.status,
      title: error.problem.title ?? '',
      detail: error.problem.detail ?? '',
      errors: error.fieldErrors,
      requestId: error.problem.requestId ?? null,
    };
    entry.trouble = null;
    return 'next';
  }
  entry.state = WAITING;
  entry.attempts += 1;
  const offline = error instanceof NetworkError;
  entry.trouble = offline
    ? { kind: 'offline' }
    : error instanceof ApiError
      ? { kind: error.status === 503 || error.status === 429 ? 'busy' : 'server', status: error.status }
      : { kind: 'error', detail: String(error?.message ?? error) };
  const backoff = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** (entry.attempts - 1)) * (0.75 + Math.random() / 2);
  const asked = (error instanceof ApiError && error.retryAfterSeconds ? error.retryAfterSeconds : 0) * 1000;
  entry.nextAttemptAt = Date.now() + Math.max(backoff, asked);
  return offline ? 'stop' : 'next';
}

async function prune() {
  for (const entry of await entries()) {
    if (entry.state === SENT && entry.sentAt < Date.now() - KEEP_SENT_MS) await db.remove(db.OUTBOX, entry.clientReportId);
  }
}
