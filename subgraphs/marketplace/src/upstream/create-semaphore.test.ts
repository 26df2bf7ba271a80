import { describe, expect, it } from 'vitest';
import { createSemaphore } from './create-semaphore.ts';

describe('createSemaphore', () => {
  it('never runs more than the limit at once and runs every task', async () => {
    const semaphore = createSemaphore(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        semaphore.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 2 + (i % 3)));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(semaphore.active).toBe(0);
  });

  it('releases the slot when a task fails', async () => {
    const semaphore = createSemaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('refuses a limit below one', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
  });
});
