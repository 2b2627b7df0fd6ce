import { expect } from '@open-wc/testing';
import { recordProgress, totals } from '../src/components/lesson-view/progress.js';
import { buildStatement, score, uuid, VERBS } from '../src/components/lesson-view/xapi.js';
import { LrsClient } from '../src/components/lesson-view/lrs.js';
import { MemoryProgressStore } from '../src/core/storage.js';

describe('lesson progress', () => {
  it('never goes backwards and keeps the best score', () => {
    let state = recordProgress({}, 'sort', { progress: 1, score: 3, maxScore: 5 });
    state = recordProgress(state, 'sort', { progress: 0.5, score: 2, maxScore: 5 });
    expect(state.sort).to.deep.equal({ progress: 1, score: 3, maxScore: 5 });
    state = recordProgress(state, 'sort', { progress: 1, score: 5, maxScore: 5 });
    expect(state.sort!.score).to.equal(5);
  });

  it('aggregates completion over the tracked parts and the score over scored parts', () => {
    const state = {
      a: { progress: 1 },
      b: { progress: 0.5 },
      c: { progress: 1, score: 3, maxScore: 4 },
      other: { progress: 1 },
    };
    const result = totals(state, ['a', 'b', 'c', 'd']);
    expect(result.done).to.equal(2);
    expect(result.completion).to.equal(0.5);
    expect(result.score).to.deep.equal({ raw: 3, max: 4, scaled: 0.75 });
    expect(totals({}, ['a']).score).to.be.undefined;
  });
});

describe('xAPI statements', () => {
  const context = {
    actor: { name: 'Ada', mbox: 'mailto:ada@example.org' },
    lessonActivity: 'urn:lesson-elements:python-concurrency',
    registration: uuid(),
    lang: 'en',
    now: () => new Date('2026-01-02T03:04:05Z'),
  };

  it('builds an answered statement with result, parent activity and a v4 UUID', () => {
    const statement = buildStatement(
      { verb: 'answered', partId: 'threading-pro-io', name: 'Efficient for I/O', interaction: true, result: { success: true, response: 'pro' } },
      context,
    );
    expect(statement.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(statement.verb.id).to.equal(VERBS.answered);
    expect(statement.object.id).to.equal('urn:lesson-elements:python-concurrency/threading-pro-io');
    expect(statement.object.definition.type).to.equal('http://adlnet.gov/expapi/activities/cmi.interaction');
    expect(statement.context.contextActivities!.parent[0]!.id).to.equal(context.lessonActivity);
    expect(statement.result).to.deep.equal({ success: true, response: 'pro' });
    expect(statement.timestamp).to.equal('2026-01-02T03:04:05.000Z');
    expect(statement.actor).to.deep.equal({ objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' });
  });

  it('scales scores', () => {
    expect(score(3, 4)).to.deep.equal({ raw: 3, min: 0, max: 4, scaled: 0.75 });
    expect(score(0, 0).scaled).to.equal(0);
  });
});

describe('LRS client', () => {
  const statement = (id: string) => ({ id }) as never;

  it('posts queued statements with the xAPI headers and empties the queue', async () => {
    const store = new MemoryProgressStore();
    const requests: { url: string; init: RequestInit }[] = [];
    const client = new LrsClient({
      endpoint: 'https://lrs.test/xapi/',
      authorization: 'Basic abc',
      store,
      queueKey: 'q',
      fetch: (url, init) => {
        requests.push({ url: url as string, init: init! });
        return Promise.resolve(new Response(null, { status: 200 }));
      },
    });
    await client.send(statement('s1'));
    expect(requests).to.have.length(1);
    expect(requests[0]!.url).to.equal('https://lrs.test/xapi/statements');
    const headers = requests[0]!.init.headers as Record<string, string>;
    expect(headers['X-Experience-API-Version']).to.equal('1.0.3');
    expect(headers.Authorization).to.equal('Basic abc');
    expect(JSON.parse(requests[0]!.init.body as string)).to.deep.equal([{ id: 's1' }]);
    expect(client.pending).to.deep.equal([]);
    client.dispose();
  });

  it('keeps statements while offline, retries with backoff, and never duplicates', async () => {
    const store = new MemoryProgressStore();
    const timers: { callback: () => void; ms: number }[] = [];
    let online = false;
    const received: string[] = [];
    const client = new LrsClient({
      endpoint: 'https://lrs.test/xapi',
      store,
      queueKey: 'q',
      setTimer: (callback, ms) => timers.push({ callback, ms }),
      fetch: (_url, init) => {
        if (!online) return Promise.reject(new TypeError('Failed to fetch'));
        for (const s of JSON.parse(init!.body as string) as { id: string }[]) received.push(s.id);
        return Promise.resolve(new Response(null, { status: 200 }));
      },
    });
    await client.send(statement('a'));
    await client.send(statement('b'));
    await client.send(statement('a')); // the same statement again is not queued twice
    expect(client.pending.map((s) => s.id)).to.deep.equal(['a', 'b']);
    expect(timers[0]!.ms).to.equal(1000);

    // A reload: a new client on the same store still has the queue.
    const afterReload = new LrsClient({ endpoint: 'https://lrs.test/xapi', store, queueKey: 'q', fetch: () => Promise.resolve(new Response(null, { status: 409 })) });
    expect(afterReload.pending).to.have.length(2);
    afterReload.dispose();

    online = true;
    timers[0]!.callback();
    await new Promise((resolve) => setTimeout(resolve));
    await client.flush();
    expect(received).to.deep.equal(['a', 'b']);
    expect(client.pending).to.deep.equal([]);
    client.dispose();
  });
});
