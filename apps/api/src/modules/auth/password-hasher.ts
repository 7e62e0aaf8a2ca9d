import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's minimum for argon2id: 19 MiB of memory, two passes, one lane.
export const ARGON2_POLICY = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher {
  // Verified when an account does not exist, so a missing account costs the same time as a wrong password.
  private readonly decoy = argon2.hash('decoy password that never matches', ARGON2_POLICY);

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_POLICY);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.decoy, password);
      return false;
    }
    return argon2.verify(hash, password);
  }
}
