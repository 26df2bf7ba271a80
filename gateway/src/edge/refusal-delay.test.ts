import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRefusalDelay } from './refusal-delay.ts';

function fakeResponse(): ServerResponse & EventEmitter {
  return Object.assign(new EventEmitter(), { destroyed: false }) as unknown as ServerResponse & EventEmitter;
}

afterEach(() => vi.useRealTimers());

describe('createRefusalDelay', () => {
  it('holds flood refusals for the delay and sends everything else at once', () => {
    vi.useFakeTimers();
    const delay = createRefusalDelay({ delayMs: 1_000 });
    const sent: string[] = [];
    for (const code of ['CONCURRENCY_LIMIT_EXCEEDED', 'OVERLOADED', 'RATE_LIMITED', 'UNAUTHENTICATED']) {
      delay.answer(fakeResponse(), code, () => sent.push(code));
    }
    expect(sent).toEqual(['RATE_LIMITED', 'UNAUTHENTICATED']);
    expect(delay.pending()).toBe(2);
    vi.advanceTimersByTime(999);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['RATE_LIMITED', 'UNAUTHENTICATED', 'CONCURRENCY_LIMIT_EXCEEDED', 'OVERLOADED']);
    expect(delay.pending()).toBe(0);
  });

  it('frees the slot when the client goes away, and sends nothing to it', () => {
    vi.useFakeTimers();
    const delay = createRefusalDelay({ delayMs: 1_000 });
    const res = fakeResponse();
    const send = vi.fn();
    delay.answer(res, 'OVERLOADED', send);
    res.emit('close');
    expect(delay.pending()).toBe(0);
    vi.advanceTimersByTime(2_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('sends at once beyond maxPending held refusals, and always when the delay is 0', () => {
    vi.useFakeTimers();
    const bounded = createRefusalDelay({ delayMs: 1_000, maxPending: 2 });
    const sent = vi.fn();
    for (let i = 0; i < 5; i++) bounded.answer(fakeResponse(), 'OVERLOADED', sent);
    expect(sent).toHaveBeenCalledTimes(3);
    expect(bounded.pending()).toBe(2);
    const off = createRefusalDelay({ delayMs: 0 });
    off.answer(fakeResponse(), 'OVERLOADED', sent);
    expect(sent).toHaveBeenCalledTimes(4);
  });
});
