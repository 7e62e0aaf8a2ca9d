import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { serviceBusy } from '../../common/request/request-transaction';

// OWASP's minimum for argon2id: 19 MiB of memory, two passes, one lane.
export const ARGON2_POLICY = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Each argon2 run takes a core and 19 MiB for tens of milliseconds. Run one at a time, a storm of
 * sign-ins queues here and leaves the other core to everyone else; a run that cannot start within
 * the wait answers SERVICE_BUSY rather than queue without end.
 */
export class HashingQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency = 1,
    private readonly waitMs = 5000,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await this.turn();
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private turn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(go), 1);
        reject(serviceBusy());
      }, this.waitMs);
      this.waiting.push(go);
    });
  }
}

@Injectable()
export class PasswordHasher {
  private readonly queue = new HashingQueue();
  // Verified when an account does not exist, so a missing account costs the same time as a wrong password.
  private readonly decoy = argon2.hash('decoy password that never matches', ARGON2_POLICY);

  hash(password: string): Promise<string> {
    return this.queue.run(() => argon2.hash(password, ARGON2_POLICY));
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const decoy = await this.decoy;
    return this.queue.run(async () => {
      if (!hash) {
        await argon2.verify(decoy, password);
        return false;
      }
      return argon2.verify(hash, password);
    });
  }
}
