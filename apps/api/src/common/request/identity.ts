import type { EntityManager } from 'typeorm';

export type Identity = { tenantId: string; userId: string | null; roles: readonly string[] };

/** The settings row-level security reads, as SQL over three text expressions; transaction-local. */
export function identitySettings(tenantId: string, userId: string, roles: string): string {
  return `set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId}, true), set_config('app.roles', ${roles}, true)`;
}

/** Sets who is acting for the rest of this transaction only; row-level security reads it. */
export async function applyIdentity(db: EntityManager, identity: Identity): Promise<void> {
  await db.query(`SELECT ${identitySettings('$1', '$2', '$3')}`, [
    identity.tenantId,
    identity.userId ?? '',
    identity.roles.join(','),
  ]);
}
