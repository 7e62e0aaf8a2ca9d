import './pg-types';
import { DataSource } from 'typeorm';
import { TenantEntity } from '../modules/tenants/tenant.entity';
import { UserEntity } from '../modules/users/user.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { Foundation1764380000000 } from './migrations/1764380000000-foundation';

export const ENTITIES = [TenantEntity, UserEntity, SessionEntity];
export const MIGRATIONS = [Foundation1764380000000];

export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, application_name: 'xiangmeng' },
  });
}

/** Applies pending migrations; must run as the owner role. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = createDataSource(ownerUrl, 1);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
