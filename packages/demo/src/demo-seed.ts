import { HUNAN_DIVISIONS, PROVINCE_CODE, type Role } from '@xiangmeng/domain';
import argon2 from 'argon2';
import { Client } from 'pg';
import { ARGON2_POLICY } from '@xiangmeng/api';
import { seedDemoFilings } from './demo-filings.js';
import { seedDemoInternational } from './demo-international.js';
import { seedDemoFinance } from './demo-finance.js';
import { seedDemoPlatforms } from './demo-platforms.js';
import { seedDemoProgrammes } from './demo-programmes.js';
import { DEMO_EXPERT_ACCOUNTS, seedDemoPilots } from './demo-pilots.js';
import { seedDemoRegister } from './demo-register.js';

// Demo accounts exist only in demo mode (embedded database, or SEED_DEMO outside production).
export const DEMO_PASSWORD = 'Xiangmeng@2026';

export type DemoAccount = { tenantCode: string; username: string; displayName: string; roles: Role[] };

const provinceAccounts: DemoAccount[] = [
  { tenantCode: '430000', username: 'admin', displayName: '省厅管理员（演示）', roles: ['PROVINCE_ADMIN'] },
  {
    tenantCode: '430000',
    username: 'officer',
    displayName: '省厅业务员（演示）',
    roles: ['PROVINCE_OFFICER'],
  },
  { tenantCode: '430000', username: 'expert', displayName: '省级评审专家（演示）', roles: ['EXPERT'] },
  // The province's pool experts who sign in (expert1…expert5).
  ...DEMO_EXPERT_ACCOUNTS.map((a): DemoAccount => ({
    tenantCode: '430000',
    username: a.username,
    displayName: a.displayName,
    roles: ['EXPERT'],
  })),
];

const cityAccounts: DemoAccount[] = HUNAN_DIVISIONS.filter((d) => d.level === 'CITY').flatMap((d) => [
  {
    tenantCode: d.code,
    username: 'admin',
    displayName: `${d.name}管理员（演示）`,
    roles: ['CITY_ADMIN'] as Role[],
  },
  {
    tenantCode: d.code,
    username: 'officer',
    displayName: `${d.name}业务员（演示）`,
    roles: ['CITY_OFFICER'] as Role[],
  },
]);

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [...provinceAccounts, ...cityAccounts];

/**
 * Seeds the demo accounts, the demo alliance register, the pilot, filing and programme demos once; running it
 * again changes nothing.
 * Connects as the owner (or a superuser) and sets each tenant before writing, so row-level
 * security checks every row. `created` counts accounts, `alliances` the register's new alliances.
 */
export async function seedDemo(connectionString: string): Promise<{ created: number; alliances: number }> {
  if (process.env.NODE_ENV === 'production') throw new Error('demo data is never seeded in production');
  const client = new Client({ connectionString });
  await client.connect();
  try {
    // One hash for all demo accounts: they share the demo password.
    const passwordHash = await argon2.hash(DEMO_PASSWORD, ARGON2_POLICY);
    let created = 0;
    await client.query('BEGIN');
    for (const account of DEMO_ACCOUNTS) {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM tenant WHERE code = $1', [
        account.tenantCode,
      ]);
      const tenantId = rows[0]?.id;
      if (!tenantId) throw new Error(`unknown tenant ${account.tenantCode}`);
      // Only an administrator adds accounts (row-level security).
      await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true)`, [
        tenantId,
        account.tenantCode === PROVINCE_CODE ? 'PROVINCE_ADMIN' : 'CITY_ADMIN',
      ]);
      const result = await client.query(
        `INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, username) DO NOTHING`,
        [tenantId, account.username, account.displayName, passwordHash, account.roles],
      );
      created += result.rowCount ?? 0;
    }
    const register = await seedDemoRegister(client);
    // The pool's organizations and accounts exist now: the pilot demo links to them.
    await seedDemoPilots(client);
    // Filings rest on the register and on each city's pilot decision: they come last.
    await seedDemoFilings(client);
    await seedDemoProgrammes(client);
    await seedDemoInternational(client);
    await seedDemoFinance(client);
    await seedDemoPlatforms(client);
    await client.query('COMMIT');
    return { created, alliances: register.alliances };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
