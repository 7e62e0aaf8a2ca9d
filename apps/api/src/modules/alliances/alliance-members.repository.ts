import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { isId } from '../../common/access/access';
import { AllianceMemberEntity } from './alliance-member.entity';

export type NewMember = Pick<
  AllianceMemberEntity,
  'tenantId' | 'allianceId' | 'organizationId' | 'role' | 'joinedOn'
>;

/** Alliance memberships: joined and exited dates, never deleted. */
@Injectable()
export class AllianceMembersRepository {
  async find(db: EntityManager, id: string): Promise<AllianceMemberEntity | null> {
    return isId(id) ? db.findOneBy(AllianceMemberEntity, { id }) : null;
  }

  /** The members of many alliances, past and current, in the order they joined. */
  ofAlliances(db: EntityManager, allianceIds: readonly string[]): Promise<AllianceMemberEntity[]> {
    return db.find(AllianceMemberEntity, {
      where: { allianceId: In([...allianceIds]) },
      order: { joinedOn: 'ASC', createdAt: 'ASC' },
    });
  }

  /** Those who have not exited. */
  current(db: EntityManager, allianceId: string): Promise<AllianceMemberEntity[]> {
    return db.findBy(AllianceMemberEntity, { allianceId, exitedOn: IsNull() });
  }

  isCurrentMember(db: EntityManager, allianceId: string, organizationId: string): Promise<boolean> {
    return db.existsBy(AllianceMemberEntity, { allianceId, organizationId, exitedOn: IsNull() });
  }

  /** Every membership an organization has had in the alliance (it may have left and rejoined). */
  memberships(
    db: EntityManager,
    allianceId: string,
    organizationId: string,
  ): Promise<AllianceMemberEntity[]> {
    return db.findBy(AllianceMemberEntity, { allianceId, organizationId });
  }

  /** The latest joining date among current members, or null when there are none. */
  async lastJoinedOn(db: EntityManager, allianceId: string): Promise<string | null> {
    const [row] = await db.query<[{ last: string | null }]>(
      `SELECT to_char(max(joined_on), 'YYYY-MM-DD') AS last FROM alliance_member WHERE alliance_id = $1 AND exited_on IS NULL`,
      [allianceId],
    );
    return row.last;
  }

  /** A second current membership or a second chair fails with a unique violation. */
  insert(db: EntityManager, member: NewMember): Promise<AllianceMemberEntity> {
    return db.save(db.create(AllianceMemberEntity, { ...member, exitedOn: null, exitReason: null }));
  }

  /** The member exits if it has not already; false when it had. */
  async exit(db: EntityManager, id: string, exitedOn: string, exitReason: string): Promise<boolean> {
    const result = await db.update(
      AllianceMemberEntity,
      { id, exitedOn: IsNull() },
      { exitedOn, exitReason },
    );
    return result.affected === 1;
  }

  /** Every current member exits on the same day with the same reason. */
  async exitAll(db: EntityManager, allianceId: string, exitedOn: string, exitReason: string): Promise<void> {
    await db.query(
      `UPDATE alliance_member SET exited_on = $2, exit_reason = $3 WHERE alliance_id = $1 AND exited_on IS NULL`,
      [allianceId, exitedOn, exitReason],
    );
  }
}
