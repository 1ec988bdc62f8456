// What the app keeps on the phone, in IndexedDB: the outbox (reports with their photos as blobs,
// from the moment they are made until they are delivered) and small values (the session, the
// categories, the rounds, the last list of the officer's reports). Signing out deletes it all.

const NAME = 'urbanorder-field';
const VERSION = 1;
export const OUTBOX = 'outbox';
export const VALUES = 'values';

let opening = null;
/** Set by signing out, in this tab: a late write (a list arriving, a send finishing) must not bring data back. */
let erased = false;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: 'clientReportId' });
        if (!db.objectStoreNames.contains(VALUES)) db.createObjectStore(VALUES);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab signed out: this one must not wait on it, nor go on with what it had in memory.
        db.onversionchange = () => {
          db.close();
          opening = null;
          location.reload();
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    opening.catch(() => (opening = null));
  }
  return opening;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name, mode) {
  const db = await open();
  const tx = db.transaction(name, mode);
  const committed = new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  return { objects: tx.objectStore(name), committed };
}

export async function get(name, key) {
  const { objects } = await store(name, 'readonly');
  return done(objects.get(key));
}

export async function all(name) {
  const { objects } = await store(name, 'readonly');
  return done(objects.getAll());
}

/** Resolves once the value is on disk (the transaction committed), not merely queued. */
export async function put(name, value, key) {
  if (erased) throw new Error('Signed out: nothing more is kept');
  const { objects, committed } = await store(name, 'readwrite');
  objects.put(value, key);
  await committed;
}

export async function remove(name, key) {
  const { objects, committed } = await store(name, 'readwrite');
  objects.delete(key);
  await committed;
}

/**
 * Writes value only while the record at key is still there, in one transaction: a report sent
 * while the officer deleted it, or signed out, stays deleted. Resolves to whether it was written.
 */
export async function replace(name, key, value) {
  if (erased) return false;
  const { objects, committed } = await store(name, 'readwrite');
  let written = false;
  objects.get(key).onsuccess = (event) => {
    if (event.target.result !== undefined) {
      objects.put(value);
      written = true;
    }
  };
  await committed;
  return written;
}

/** Deletes the record at key if test(record) holds, in one transaction; resolves to whether it did. */
export async function removeIf(name, key, test) {
  const { objects, committed } = await store(name, 'readwrite');
  let removed = false;
  objects.get(key).onsuccess = (event) => {
    const record = event.target.result;
    if (record !== undefined && test(record)) {
      objects.delete(key);
      removed = true;
    }
  };
  await committed;
  return removed;
}

/** A new sign-in may keep things again. */
export function allowWrites() {
  erased = false;
}

/** Deletes the whole database: what signing out does. */
export async function erase() {
  erased = true;
  if (opening) {
    const db = await opening.catch(() => null);
    db?.close();
    opening = null;
  }
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}
