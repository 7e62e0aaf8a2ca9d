import { describe, expect, it } from 'vitest';
import { HashingQueue } from './password-hasher';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the hashing queue', () => {
  it('runs one piece of work at a time, in order', async () => {
    const queue = new HashingQueue(1, 1000);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        queue.run(async () => {
          running += 1;
          most = Math.max(most, running);
          await sleep(5);
          order.push(n);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('answers SERVICE_BUSY to work that cannot start within the wait, and goes on serving', async () => {
    const queue = new HashingQueue(1, 20);
    const long = queue.run(() => sleep(100));
    await expect(queue.run(() => Promise.resolve('late'))).rejects.toMatchObject({ code: 'SERVICE_BUSY' });
    await long;
    await expect(queue.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('frees its place when the work fails', async () => {
    const queue = new HashingQueue(1, 50);
    await expect(queue.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(queue.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
