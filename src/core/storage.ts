/**
 * Saved progress. Elements talk to a ProgressStore; the browser store uses
 * localStorage and degrades to memory when the page may not store (LMS
 * iframes: SecurityError, QuotaExceededError, corrupted data). A host can
 * supply its own store, as the SCORM adapter does.
 */

/** Where elements keep a learner's progress. Synchronous, never throws. */
export interface ProgressStore {
  /** The value saved under `key`, or undefined. */
  read(key: string): unknown;
  /** Saves `value` (JSON-serializable) under `key`. */
  write(key: string, value: unknown): void;
  /** Forgets `key`. */
  remove(key: string): void;
  /** Why progress is only kept in memory, when it is; undefined while saving works. */
  readonly fault?: string | undefined;
  /** Calls `listener` with a key changed elsewhere (another tab). Returns an unsubscribe function. */
  subscribe?(listener: (key: string) => void): () => void;
}

/** The version of what is stored; bump it and migrate in `unwrap` when the shape changes. */
export const STORAGE_VERSION = 1;
const PREFIX = 'lesson-elements:';

/** The storage key of one item of one lesson: `lesson-elements:<lesson>:<part>:…`. */
export const progressKey = (lessonId: string, ...parts: string[]): string => [PREFIX + lessonId, ...parts].join(':');

interface Envelope {
  v: number;
  data: unknown;
}

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && 'v' in value && 'data' in value;

/** Keeps progress for the life of the page. */
export class MemoryProgressStore implements ProgressStore {
  readonly values = new Map<string, string>();
  read(key: string): unknown {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }
  write(key: string, value: unknown): void {
    this.values.set(key, JSON.stringify(value));
  }
  remove(key: string): void {
    this.values.delete(key);
  }
}

/**
 * localStorage with a memory overlay: every fault is caught, recorded in
 * `fault`, and from then on the value lives in memory. Keys of other lessons
 * or other sites are never read, rewritten or cleared.
 */
export class BrowserProgressStore implements ProgressStore {
  fault: string | undefined;
  private readonly memory = new MemoryProgressStore();
  private readonly listeners = new Set<(key: string) => void>();
  private readonly storage: Storage | undefined;

  constructor(storage?: () => Storage) {
    try {
      this.storage = storage ? storage() : window.localStorage;
      // Some browsers expose storage but throw on first use (Safari private mode, blocked cookies).
      this.storage.getItem(PREFIX);
    } catch (error) {
      this.storage = undefined;
      this.fault = `Storage is not available (${(error as Error).name})`;
    }
  }

  /** A change another tab made: ours only if it is our storage area (not sessionStorage for a localStorage store) and our prefix. */
  private readonly onStorage = (event: StorageEvent) => {
    // A synthetic event may carry no area; a real one always does.
    if (event.storageArea && event.storageArea !== this.storage) return;
    if (!event.key?.startsWith(PREFIX)) return;
    this.memory.remove(event.key);
    for (const listener of this.listeners) listener(event.key);
  };

  read(key: string): unknown {
    if (this.memory.values.has(key) || !this.storage) return this.memory.read(key);
    let raw: string | null;
    try {
      raw = this.storage.getItem(key);
    } catch (error) {
      this.fault = `Storage could not be read (${(error as Error).name})`;
      return undefined;
    }
    if (raw === null) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      return isEnvelope(parsed) && parsed.v <= STORAGE_VERSION ? parsed.data : undefined;
    } catch {
      // Corrupted data: report it, and never overwrite it until the learner makes new progress.
      this.fault = 'Saved progress was damaged and has been set aside';
      return undefined;
    }
  }

  write(key: string, value: unknown): void {
    if (this.storage) {
      try {
        this.storage.setItem(key, JSON.stringify({ v: STORAGE_VERSION, data: value } satisfies Envelope));
        this.memory.remove(key);
        return;
      } catch (error) {
        this.fault = `Storage is full or blocked (${(error as Error).name})`;
      }
    }
    this.memory.write(key, value);
  }

  remove(key: string): void {
    this.memory.remove(key);
    try {
      this.storage?.removeItem(key);
    } catch {
      // Nothing to undo: the key is gone from memory and storage refused, which is what we wanted to avoid anyway.
    }
  }

  /** Listens to the window only while someone subscribes, so a store that is dropped leaves no listener behind. */
  subscribe(listener: (key: string) => void): () => void {
    if (!this.storage) return () => undefined;
    if (!this.listeners.size) window.addEventListener('storage', this.onStorage);
    this.listeners.add(listener);
    return () => {
      if (this.listeners.delete(listener) && !this.listeners.size) window.removeEventListener('storage', this.onStorage);
    };
  }
}

let defaultStore: ProgressStore | undefined;

/** The page-wide store elements use unless given another; created on first use. */
export function getDefaultStore(): ProgressStore {
  defaultStore ??= new BrowserProgressStore();
  return defaultStore;
}

/** Replaces the page-wide store (a SCORM adapter, a host's server-backed store). */
export function setDefaultStore(store: ProgressStore): void {
  defaultStore = store;
}
