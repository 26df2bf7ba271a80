import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.ts';
import type { ChangeEvent } from './change-event.ts';
import { createChangePoller, type ChangePoller } from './create-change-poller.ts';
import { createLocalRunnerLock, createMemoryCursorStore, type RunnerLock } from './freshness-state.ts';

const logger = createLogger({ name: 'test', level: 'silent' });

function event(id: string): ChangeEvent {
  return { system: 'allegro', kind: 'order', ids: [id], at: '2026-12-06T00:00:00.000Z', cause: 'test' };
}

/** A fake upstream journal: events with increasing numeric ids, paged by `from` (exclusive). */
function fakeJournal() {
  const entries: string[] = [];
  let failNext = 0;
  return {
    entries,
    failNext: (n: number) => (failNext = n),
    latest: async () => String(entries.length),
    page: async (cursor: string) => {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('upstream 503');
      }
      const from = Number(cursor);
      const slice = entries.slice(from, from + 2);
      return { events: slice.map(event), cursor: String(from + slice.length), more: from + slice.length < entries.length };
    },
  };
}

let pollers: ChangePoller[] = [];
afterEach(async () => {
  await Promise.all(pollers.map((p) => p.stop()));
  pollers = [];
});

describe('createChangePoller', () => {
  it('starts at the latest position on first start, then hands over every later change once', async () => {
    const journal = fakeJournal();
    journal.entries.push('old-1', 'old-2');
    const seen: string[] = [];
    const poller = createChangePoller({
      name: 'orders',
      cursors: createMemoryCursorStore(),
      lock: createLocalRunnerLock(),
      initialCursor: journal.latest,
      poll: journal.page,
      onChange: (e) => void seen.push(...e.ids),
      logger,
    });
    expect(await poller.tick()).toEqual({ outcome: 'initialized', cursor: '2' });
    journal.entries.push('a', 'b', 'c');
    expect(await poller.tick()).toEqual({ outcome: 'polled', events: 2, cursor: '4', more: true });
    expect(await poller.tick()).toEqual({ outcome: 'polled', events: 1, cursor: '5', more: false });
    expect(await poller.tick()).toEqual({ outcome: 'polled', events: 0, cursor: '5', more: false });
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('keeps the cursor when onChange fails, so the page comes again (at least once)', async () => {
    const journal = fakeJournal();
    const cursors = createMemoryCursorStore();
    await cursors.set('orders', '0');
    journal.entries.push('a');
    let fail = true;
    const seen: string[] = [];
    const poller = createChangePoller({
      name: 'orders',
      cursors,
      lock: createLocalRunnerLock(),
      initialCursor: journal.latest,
      poll: journal.page,
      onChange: (e) => {
        if (fail) throw new Error('cache down');
        seen.push(...e.ids);
      },
      logger,
    });
    await expect(poller.tick()).rejects.toThrow('cache down');
    expect(await cursors.get('orders')).toBe('0');
    fail = false;
    await poller.tick();
    expect(seen).toEqual(['a']);
    expect(await cursors.get('orders')).toBe('1');
  });

  it('resumes from the stored cursor after a restart: nothing replayed, nothing missed', async () => {
    const journal = fakeJournal();
    const cursors = createMemoryCursorStore();
    const seen: string[] = [];
    const make = () =>
      createChangePoller({
        name: 'orders',
        cursors,
        lock: createLocalRunnerLock(),
        initialCursor: journal.latest,
        poll: journal.page,
        onChange: (e) => void seen.push(...e.ids),
        logger,
      });
    const first = make();
    await first.tick();
    journal.entries.push('a');
    await first.tick();
    await first.stop();
    journal.entries.push('while-down');
    const second = make();
    await second.tick();
    expect(seen).toEqual(['a', 'while-down']);
  });

  it('stands by while another runner holds the lock', async () => {
    const journal = fakeJournal();
    const lock: RunnerLock = { acquire: async () => false, release: async () => {} };
    let polls = 0;
    const poller = createChangePoller({
      name: 'orders',
      cursors: createMemoryCursorStore(),
      lock,
      initialCursor: journal.latest,
      poll: async (c) => {
        polls += 1;
        return journal.page(c);
      },
      onChange: () => {},
      logger,
    });
    expect(await poller.tick()).toEqual({ outcome: 'standby' });
    expect(polls).toBe(0);
  });

  it('keeps running after failures (backoff) and delivers once the source recovers; stop() ends the loop', async () => {
    const journal = fakeJournal();
    const cursors = createMemoryCursorStore();
    await cursors.set('orders', '0');
    journal.entries.push('a');
    journal.failNext(2);
    const seen: string[] = [];
    const poller = createChangePoller({
      name: 'orders',
      intervalMs: 5,
      maxBackoffMs: 20,
      cursors,
      lock: createLocalRunnerLock(),
      initialCursor: journal.latest,
      poll: journal.page,
      onChange: (e) => void seen.push(...e.ids),
      logger,
    });
    pollers.push(poller);
    poller.start();
    await expect.poll(() => seen, { timeout: 2_000, interval: 5 }).toEqual(['a']);
    await poller.stop();
    journal.entries.push('after-stop');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(['a']);
  });
});
