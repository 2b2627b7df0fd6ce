/**
 * Sends xAPI statements to a Learning Record Store. Statements wait in a
 * queue that survives reload (through the progress store); each keeps the id
 * it was given, so a statement resent after a lost answer is not duplicated by
 * the LRS. Offline or failing: keep them, retry with backoff, flush on `online`.
 */
import type { ProgressStore } from '../../core/storage.js';
import type { XapiStatement } from './xapi.js';

export interface LrsOptions {
  /** The LRS endpoint, e.g. `https://lrs.example.org/xapi/` (statements go to `<endpoint>/statements`). */
  endpoint: string;
  /** Credentials: the value of the Authorization header (`Basic …`). Given as a JS property, never an attribute. */
  authorization?: string;
  /** Where the unsent queue is kept across reloads. */
  store: ProgressStore;
  /** The key of the queue in the store. */
  queueKey: string;
  fetch?: typeof fetch;
  /** Schedules a retry; injectable for tests. */
  setTimer?: (callback: () => void, ms: number) => unknown;
  /** Called after each attempt, for status display and tests. */
  onStatus?: (status: { pending: number; lastError?: string }) => void;
}

const MAX_BATCH = 50;
const MAX_BACKOFF_MS = 60_000;

export class LrsClient {
  private readonly options: LrsOptions;
  private sending = false;
  private retryScheduled = false;
  private failures = 0;
  private readonly online = () => void this.flush();

  constructor(options: LrsOptions) {
    this.options = options;
    globalThis.addEventListener?.('online', this.online);
  }

  /** Statements not yet accepted by the LRS, oldest first. */
  get pending(): XapiStatement[] {
    const queue = this.options.store.read(this.options.queueKey);
    return Array.isArray(queue) ? (queue as XapiStatement[]) : [];
  }

  private save(queue: XapiStatement[]) {
    this.options.store.write(this.options.queueKey, queue);
  }

  /** Queues a statement and tries to send the queue. */
  send(statement: XapiStatement): Promise<void> {
    const queue = this.pending;
    if (!queue.some((queued) => queued.id === statement.id)) this.save([...queue, statement]);
    return this.flush();
  }

  /** Sends what is queued, a batch at a time, until the queue is empty or the LRS fails. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    let lastError: string | undefined;
    try {
      for (let batch = this.pending.slice(0, MAX_BATCH); batch.length; batch = this.pending.slice(0, MAX_BATCH)) {
        const ok = await this.post(batch).catch((error: unknown) => {
          lastError = String((error as Error)?.message ?? error);
          return false;
        });
        if (!ok) {
          lastError ??= 'The LRS refused the statements';
          this.scheduleRetry();
          break;
        }
        this.failures = 0;
        const sent = new Set(batch.map((statement) => statement.id));
        this.save(this.pending.filter((statement) => !sent.has(statement.id)));
      }
    } finally {
      this.sending = false;
      this.options.onStatus?.({ pending: this.pending.length, ...(lastError ? { lastError } : {}) });
    }
  }

  private async post(batch: XapiStatement[]): Promise<boolean> {
    const url = `${this.options.endpoint.replace(/\/+$/, '')}/statements`;
    const response = await (this.options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
        ...(this.options.authorization ? { Authorization: this.options.authorization } : {}),
      },
      body: JSON.stringify(batch),
    });
    // 409: the LRS already has statements with these ids: they were delivered before.
    return response.ok || response.status === 409;
  }

  private scheduleRetry() {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    this.failures++;
    const delay = Math.min(1000 * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    (this.options.setTimer ?? setTimeout)(() => {
      this.retryScheduled = false;
      void this.flush();
    }, delay);
  }

  /** Stops listening for `online`. The queue stays stored. */
  dispose(): void {
    globalThis.removeEventListener?.('online', this.online);
  }
}
