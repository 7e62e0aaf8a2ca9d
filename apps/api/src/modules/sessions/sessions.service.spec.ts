import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestTransaction } from '../../common/request/request-transaction';
import type { NewSession, SessionRow, SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

// Which sessions still stand, with the repository stubbed; test/auth.test.ts covers the same on the
// wire (cookie, idle and absolute expiry, revocation) against the database.

const now = new Date('2026-12-05T02:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const db = {} as EntityManager;
const transaction = {} as RequestTransaction;

function row(overrides: Partial<SessionRow> = {}): SessionRow {
  return {
    session_id: 's1',
    tenant_id: 't-city',
    user_id: 'u-officer',
    created_at: minutesAgo(120),
    last_seen_at: minutesAgo(5),
    revoked_at: null,
    roles: ['CITY_OFFICER'],
    disabled: false,
    tenant_level: 'CITY',
    ...overrides,
  };
}

function setup(found: SessionRow | null) {
  const looked: Buffer[] = [];
  const inserted: NewSession[] = [];
  const repository: Partial<SessionsRepository> = {
    openWithSession: (_transaction, hash) => (looked.push(hash), Promise.resolve(found)),
    insert: (_db, session) => (inserted.push(session), Promise.resolve('s-new')),
  };
  const clock: Clock = { now: () => now };
  return { service: new SessionsService(repository as SessionsRepository, clock), looked, inserted };
}

describe('resolving a session', () => {
  it('gives the viewer of a standing session, looked up by the token’s hash, never the token', async () => {
    const { service, looked } = setup(row());
    expect(await service.resume(transaction, 'the-token')).toEqual({
      viewer: {
        userId: 'u-officer',
        tenantId: 't-city',
        tenantLevel: 'CITY',
        roles: ['CITY_OFFICER'],
        sessionId: 's1',
      },
      touch: true,
    });
    expect(looked).toEqual([createHash('sha256').update('the-token').digest()]);
  });

  it('does not touch a session seen within the last minute', async () => {
    const { service } = setup(row({ last_seen_at: new Date(now.getTime() - 30_000) }));
    expect((await service.resume(transaction, 'the-token'))?.touch).toBe(false);
  });

  it.each([
    ['unknown', null],
    ['revoked', row({ revoked_at: minutesAgo(1) })],
    ['idle past 30 minutes', row({ last_seen_at: minutesAgo(30) })],
    ['past its 12 hours', row({ created_at: minutesAgo(12 * 60) })],
    ['of a disabled user', row({ disabled: true })],
  ])('answers null for a session that is %s', async (_case, found) => {
    const { service } = setup(found);
    expect(await service.resume(transaction, 'the-token')).toBeNull();
  });
});

describe('opening a session', () => {
  it('stores only the hash of a fresh random token, with the client’s address and a bounded user agent', async () => {
    const { service, inserted } = setup(null);
    const first = await service.open(
      db,
      { id: 'u-officer', tenantId: 't-city' },
      { address: '10.0.0.7', userAgent: 'x'.repeat(800) },
    );
    const second = await service.open(
      db,
      { id: 'u-officer', tenantId: 't-city' },
      { address: null, userAgent: null },
    );
    expect(first.sessionId).toBe('s-new');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.token).not.toBe(first.token);
    expect(inserted[0]).toMatchObject({
      tenantId: 't-city',
      userId: 'u-officer',
      tokenHash: createHash('sha256').update(first.token).digest(),
      createdAt: now,
      lastSeenAt: now,
      clientAddress: '10.0.0.7',
    });
    expect(inserted[0]!.userAgent).toHaveLength(500);
    expect(inserted[1]!.userAgent).toBeNull();
  });
});
