// What the app keeps on the phone, in IndexedDB: the outbox (reports with their photos as blobs,
// from the moment they are made until they are delivered) and small values (the session, the
// categories, the rounds, the last list of the officer's reports). Signing out deletes it all.

const NAME = 'urbanorder-field';
const VERSION = 1;
export const OUTBOX = 'outbox';
export const VALUES = 'values';

let opening = null;

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
        // Another tab deleting the database (signing out) must not wait on this one.
        db.onversionchange = () => {
          db.close();
          opening = null;
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
  const { objects, committed } = await store(name, 'readwrite');
  objects.put(value, key);
  await committed;
}

export async function remove(name, key) {
  const { objects, committed } = await store(name, 'readwrite');
  objects.delete(key);
  await committed;
}

/** Deletes the whole database: what signing out does. */
export async function erase() {
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
