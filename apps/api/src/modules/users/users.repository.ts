import type { Role } from '@xiangmeng/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { UserEntity } from './user.entity';

export type NewUser = Pick<
  UserEntity,
  'tenantId' | 'username' | 'displayName' | 'passwordHash' | 'roles' | 'createdBy' | 'passwordChangedAt'
>;

export type NewCityAdmin = { cityId: string; username: string; displayName: string; passwordHash: string };

/** Every statement the users feature runs, in the caller's transaction (row-level security applies). */
@Injectable()
export class UsersRepository {
  listOfTenant(db: EntityManager, tenantId: string): Promise<UserEntity[]> {
    return db.find(UserEntity, { where: { tenantId }, order: { createdAt: 'ASC', username: 'ASC' } });
  }

  async find(db: EntityManager, id: string): Promise<UserEntity | null> {
    return isId(id) ? db.findOneBy(UserEntity, { id }) : null;
  }

  /** An account known to exist (the signed-in user's, one just written). */
  get(db: EntityManager, id: string): Promise<UserEntity> {
    return db.findOneByOrFail(UserEntity, { id });
  }

  /** The account with its password hash, which no other read selects. */
  withPasswordHash(db: EntityManager, id: string): Promise<UserEntity> {
    return db
      .createQueryBuilder(UserEntity, 'u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOneOrFail();
  }

  /** The new account's id, or null when its username is taken in its tenant. */
  async insert(db: EntityManager, user: NewUser): Promise<string | null> {
    return unlessTaken(async () => (await db.save(db.create(UserEntity, user))).id);
  }

  /** A city's first admin, written by a function that may write into the city's tenant; null when taken. */
  async provisionCityAdmin(db: EntityManager, admin: NewCityAdmin): Promise<string | null> {
    return unlessTaken(async () => {
      const [row] = await db.query<{ id: string }[]>('SELECT provision_city_admin($1, $2, $3, $4) AS id', [
        admin.cityId,
        admin.username,
        admin.displayName,
        admin.passwordHash,
      ]);
      return row!.id;
    });
  }

  async setDisabledAt(db: EntityManager, id: string, disabledAt: Date | null): Promise<void> {
    await db.update(UserEntity, { id }, { disabledAt });
  }

  async setRoles(db: EntityManager, id: string, roles: Role[]): Promise<void> {
    await db.update(UserEntity, { id }, { roles });
  }

  async setPassword(db: EntityManager, id: string, passwordHash: string, at: Date): Promise<void> {
    await db.update(UserEntity, { id }, { passwordHash, passwordChangedAt: at });
  }

  async recordSignIn(db: EntityManager, id: string, at: Date): Promise<void> {
    await db.update(UserEntity, { id }, { lastSignInAt: at });
  }
}

async function unlessTaken(write: () => Promise<string>): Promise<string | null> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return null;
    throw error;
  }
}
