import type { EntityManager } from 'typeorm';

export type Identity = { tenantId: string; userId: string | null; roles: readonly string[] };

/** Sets who is acting for the rest of this transaction only; row-level security reads it. */
export async function applyIdentity(db: EntityManager, identity: Identity): Promise<void> {
  await db.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
    [identity.tenantId, identity.userId ?? '', identity.roles.join(',')],
  );
}
