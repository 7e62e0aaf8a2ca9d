import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { isId } from '../../common/access/access';
import { CHECK_VIOLATION, sqlState } from '../../common/errors/database-errors';
import { IndustryEntity } from '../industries/industry.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { TenantEntity } from '../tenants/tenant.entity';
import { ExpertAffiliationEntity } from './expert-affiliation.entity';
import { ExpertAssignmentEntity } from './expert-assignment.entity';
import { ExpertConflictEntity } from './expert-conflict.entity';
import { ExpertEntity } from './expert.entity';
import type { ReviewSubject, ReviewSubjectType } from './review-subject';
import { ReviewSheetEntity } from './review-sheet.entity';

export type ExpertFields = Pick<
  ExpertEntity,
  'name' | 'title' | 'domains' | 'available' | 'unavailableReason' | 'userId'
>;
export type NewTie = { organizationId: string | null; bureauTenantId: string | null };
export type NewConflict = NewTie & { reason: string; declaredOn: string };
export type SheetFields = Pick<
  ReviewSheetEntity,
  'scores' | 'comments' | 'overallOpinion' | 'recommendation' | 'status' | 'submittedAt'
>;
export type NewSeat = {
  tenantId: string;
  subjectType: ReviewSubjectType;
  applicationId: string;
  applicationTenantId: string;
  expertId: string;
  expertUserId: string | null;
  reviewYear: number;
  assignedBy: string;
};
/** A seat the database refused: which rule, and the id of the organization (or bureau) it named. */
export type SeatRefusal = {
  refused: 'CONFLICT' | 'SHARED_AFFILIATION' | 'DEBARRED_EMPLOYER';
  tieId: string | null;
};

/** The table each subject type lives in. */
const SUBJECT_TABLES: Record<ReviewSubjectType, string> = {
  pilot_application: 'pilot_application',
  filing: 'filing',
  programme_application: 'programme_application',
  project: 'project',
};
export type SubmittedSheet = { applicationId: string; expertId: string; scores: Record<string, unknown> };

type SubjectRow = {
  type: ReviewSubjectType;
  id: string;
  tenant_id: string;
  authority_tenant_id: string;
  alliance_id: string;
  recommending_tenant_id: string;
  batch_id: string;
  state: string;
  recommended_at: Date | null;
  member_organization_ids: string[];
  dossier: Record<string, unknown> | null;
};

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Every statement expert review runs, in the caller's transaction (row-level security applies):
 * the pool and its ties, panel seats, score sheets, and what it reads of the reviewed
 * application and its parties from their tables.
 */
@Injectable()
export class ReviewsRepository {
  // ---- the reviewed application and its parties ----

  /** The application or filing `id`, whichever it is, as far as the caller may read it. */
  async subject(db: EntityManager, id: string): Promise<ReviewSubject | null> {
    if (!isId(id)) return null;
    const [row] = await db.query<SubjectRow[]>(
      `SELECT 'pilot_application' AS type, id, tenant_id, authority_tenant_id, alliance_id, recommending_tenant_id,
              call_id AS batch_id, state, recommended_at, member_organization_ids, dossier
         FROM pilot_application WHERE id = $1
       UNION ALL
       SELECT 'filing', id, tenant_id, authority_tenant_id, alliance_id, tenant_id,
              round_id, state, submitted_at, '{}'::uuid[], dossier
         FROM filing WHERE id = $1
       UNION ALL
       SELECT 'programme_application', id, tenant_id, authority_tenant_id, alliance_id, recommending_tenant_id,
              call_id, state, recommended_at, member_organization_ids, dossier
         FROM programme_application WHERE id = $1
       UNION ALL
       -- A project at acceptance: the authority's row, sent up from its award; its parties are
       -- the contract's, and what review reads of the award was kept with the request.
       SELECT 'project', id, tenant_id, tenant_id, alliance_id, alliance_tenant_id,
              id, state, created_at,
              ARRAY(SELECT (x ->> 'organizationId')::uuid
                      FROM jsonb_array_elements(coalesce(dossier -> 'participants', '[]')
                             || jsonb_build_array(coalesce(dossier -> 'responsibleUnit', '{}'))) x
                     WHERE x ->> 'organizationId' ~ '^[0-9a-fA-F-]{36}$'),
              CASE WHEN acceptance IS NULL THEN NULL
                   ELSE jsonb_build_object('alliance', acceptance -> 'alliance', 'measures', acceptance -> 'measures',
                                           'title', title) END
         FROM project WHERE id = $1`,
      [id],
    );
    return row
      ? {
          type: row.type,
          id: row.id,
          tenantId: row.tenant_id,
          authorityTenantId: row.authority_tenant_id,
          allianceId: row.alliance_id,
          recommendingTenantId: row.recommending_tenant_id,
          batchId: row.batch_id,
          state: row.state,
          recommendedAt: row.recommended_at,
          memberOrganizationIds: row.member_organization_ids,
          dossier: row.dossier,
        }
      : null;
  }

  /** An organization the expert is affiliated with that is debarred on `on` (the public register); null when none. */
  async debarredAffiliation(
    db: EntityManager,
    tenantId: string,
    expertId: string,
    on: string,
  ): Promise<string | null> {
    const [row] = await db.query<{ organization_id: string }[]>(
      `SELECT d.organization_id FROM expert_affiliation a
         JOIN debarment d ON d.organization_id = a.organization_id AND d.lifted_on IS NULL
          AND $3::date BETWEEN d.from_date AND d.until_date
        WHERE a.tenant_id = $1 AND a.expert_id = $2
        LIMIT 1`,
      [tenantId, expertId, on],
    );
    return row?.organization_id ?? null;
  }

  /** Panel changes of one application queue behind each other instead of racing. */
  async lockSubject(db: EntityManager, subject: Pick<ReviewSubject, 'type' | 'id'>): Promise<void> {
    const table = SUBJECT_TABLES[subject.type];
    await db.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [subject.id]);
  }

  async allianceIndustryCode(db: EntityManager, allianceId: string): Promise<string | null> {
    const [row] = await db.query<{ industry_code: string }[]>(
      'SELECT industry_code FROM alliance WHERE id = $1',
      [allianceId],
    );
    return row?.industry_code ?? null;
  }

  async industry(db: EntityManager, code: string): Promise<IndustryEntity | null> {
    return db.findOneBy(IndustryEntity, { code });
  }

  industries(db: EntityManager, codes: readonly string[]): Promise<IndustryEntity[]> {
    return codes.length ? db.find(IndustryEntity, { where: { code: In([...codes]) } }) : Promise.resolve([]);
  }

  organizations(db: EntityManager, ids: readonly string[]): Promise<OrganizationEntity[]> {
    return ids.length ? db.find(OrganizationEntity, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  tenants(db: EntityManager, ids: readonly string[]): Promise<TenantEntity[]> {
    return ids.length ? db.find(TenantEntity, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  async organizationExists(db: EntityManager, id: string): Promise<boolean> {
    return isId(id) && db.existsBy(OrganizationEntity, { id });
  }

  async tenantExists(db: EntityManager, id: string): Promise<boolean> {
    return isId(id) && db.existsBy(TenantEntity, { id });
  }

  /** Whether `userId` is an expert account of `tenantId`. */
  async isExpertAccount(db: EntityManager, tenantId: string, userId: string): Promise<boolean> {
    if (!isId(userId)) return false;
    const [row] = await db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE id = $1 AND tenant_id = $2 AND 'EXPERT' = ANY(roles)`,
      [userId, tenantId],
    );
    return Boolean(row);
  }

  async usernames(db: EntityManager, userIds: readonly string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await db.query<{ id: string; username: string }[]>(
      'SELECT id, username FROM app_user WHERE id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((r) => [r.id, r.username]));
  }

  // ---- the pool ----

  pool(db: EntityManager, tenantId: string): Promise<ExpertEntity[]> {
    return db.find(ExpertEntity, { where: { tenantId }, order: { name: 'ASC', id: 'ASC' } });
  }

  async expert(db: EntityManager, tenantId: string, id: string): Promise<ExpertEntity | null> {
    return isId(id) ? db.findOneBy(ExpertEntity, { id, tenantId }) : null;
  }

  experts(db: EntityManager, tenantId: string, ids: readonly string[]): Promise<ExpertEntity[]> {
    return ids.length
      ? db.find(ExpertEntity, { where: { tenantId, id: In([...ids]) } })
      : Promise.resolve([]);
  }

  expertOfAccount(db: EntityManager, tenantId: string, userId: string): Promise<ExpertEntity | null> {
    return db.findOneBy(ExpertEntity, { tenantId, userId });
  }

  /**
   * Seats in `year` per expert: active ones and those whose sheet was submitted (work done
   * stays counted after a swap), leaving out those on `exceptApplicationId`.
   */
  async reviewCounts(
    db: EntityManager,
    tenantId: string,
    year: number,
    expertIds: readonly string[],
    exceptApplicationId: string | null,
  ): Promise<Map<string, number>> {
    if (!expertIds.length) return new Map();
    const rows = await db.query<{ expert_id: string; n: number }[]>(
      `SELECT x.expert_id, count(*)::int AS n
         FROM expert_assignment x
         LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
        WHERE x.tenant_id = $1 AND x.review_year = $2 AND x.expert_id = ANY($3::uuid[])
          AND (x.withdrawn_at IS NULL OR s.status = 'SUBMITTED')
          AND ($4::uuid IS NULL OR x.application_id <> $4::uuid)
        GROUP BY x.expert_id`,
      [tenantId, year, expertIds, exceptApplicationId],
    );
    return new Map(rows.map((r) => [r.expert_id, r.n]));
  }

  async ties(
    db: EntityManager,
    expertIds: readonly string[],
  ): Promise<{ affiliations: ExpertAffiliationEntity[]; conflicts: ExpertConflictEntity[] }> {
    if (!expertIds.length) return { affiliations: [], conflicts: [] };
    const affiliations = await db.find(ExpertAffiliationEntity, {
      where: { expertId: In([...expertIds]) },
      order: { id: 'ASC' },
    });
    const conflicts = await db.find(ExpertConflictEntity, {
      where: { expertId: In([...expertIds]) },
      order: { declaredOn: 'ASC', id: 'ASC' },
    });
    return { affiliations, conflicts };
  }

  async insertExpert(
    db: EntityManager,
    expert: ExpertFields & { tenantId: string; createdBy: string },
  ): Promise<string> {
    const inserted = await db.insert(ExpertEntity, expert);
    return (inserted.identifiers[0] as { id: string }).id;
  }

  /** Writes the expert's fields if it is still at `version`; false when it is not. */
  async updateExpert(
    db: EntityManager,
    tenantId: string,
    id: string,
    version: number,
    fields: ExpertFields,
    at: Date,
  ): Promise<boolean> {
    const { affected } = await db.update(
      ExpertEntity,
      { id, tenantId, version },
      { ...fields, version: version + 1, updatedAt: at },
    );
    return affected === 1;
  }

  /** The expert's affiliations become `ties` (replaced as a list). */
  async replaceAffiliations(
    db: EntityManager,
    tenantId: string,
    expertId: string,
    ties: readonly (NewTie & { position: string })[],
  ): Promise<void> {
    await db.delete(ExpertAffiliationEntity, { tenantId, expertId });
    for (const tie of ties) await db.insert(ExpertAffiliationEntity, { tenantId, expertId, ...tie });
  }

  async insertConflict(
    db: EntityManager,
    tenantId: string,
    expertId: string,
    conflict: NewConflict,
  ): Promise<void> {
    await db.insert(ExpertConflictEntity, { tenantId, expertId, ...conflict });
  }

  // ---- panel seats ----

  activeSeats(db: EntityManager, tenantId: string, applicationId: string): Promise<ExpertAssignmentEntity[]> {
    return db.find(ExpertAssignmentEntity, {
      where: { tenantId, applicationId, withdrawnAt: IsNull() },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
  }

  async seat(db: EntityManager, tenantId: string, id: string): Promise<ExpertAssignmentEntity | null> {
    return isId(id) ? db.findOneBy(ExpertAssignmentEntity, { id, tenantId }) : null;
  }

  /**
   * A seat and its empty score sheet. The database refuses a conflicted expert or a second one of
   * an organization whatever the service checked; that refusal is answered, not thrown, and the
   * transaction goes on past it.
   */
  async insertSeat(db: EntityManager, seat: NewSeat): Promise<{ id: string } | SeatRefusal> {
    let id: string;
    await db.query('SAVEPOINT expert_seat');
    try {
      const rows = await db.query<{ id: string }[]>(
        `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, expert_user_id,
                                        review_year, assigned_by, subject_type)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          seat.tenantId,
          seat.applicationId,
          seat.applicationTenantId,
          seat.expertId,
          seat.expertUserId,
          seat.reviewYear,
          seat.assignedBy,
          seat.subjectType,
        ],
      );
      id = rows[0]!.id;
      await db.query('RELEASE SAVEPOINT expert_seat');
    } catch (error) {
      const refusal = ReviewsRepository.seatRefusal(error);
      if (!refusal) throw error;
      await db.query('ROLLBACK TO SAVEPOINT expert_seat');
      return refusal;
    }
    await db.insert(ReviewSheetEntity, {
      tenantId: seat.tenantId,
      assignmentId: id,
      applicationId: seat.applicationId,
      expertId: seat.expertId,
      expertUserId: seat.expertUserId,
    });
    return { id };
  }

  private static seatRefusal(error: unknown): SeatRefusal | null {
    if (sqlState(error) !== CHECK_VIOLATION || !(error instanceof QueryFailedError)) return null;
    const constraint = (error.driverError as { constraint?: unknown }).constraint;
    // The trigger names the organization (or bureau) by id.
    const tieId = [...error.message.matchAll(UUID_IN_TEXT)].map((m) => m[0]).pop() ?? null;
    if (constraint === 'expert_assignment_conflict_of_interest') return { refused: 'CONFLICT', tieId };
    if (constraint === 'expert_assignment_one_per_organization')
      return { refused: 'SHARED_AFFILIATION', tieId };
    if (constraint === 'expert_assignment_debarred_employer') return { refused: 'DEBARRED_EMPLOYER', tieId };
    return null;
  }

  /** Withdraws the application's active seats (or the one named); the ids withdrawn. */
  async withdrawSeats(
    db: EntityManager,
    withdrawal: {
      tenantId: string;
      applicationId: string;
      assignmentId?: string;
      by: string;
      reason: string;
    },
  ): Promise<string[]> {
    const rows = await db.query<[{ id: string }[], number]>(
      `UPDATE expert_assignment SET withdrawn_at = now(), withdrawn_by = $3, withdrawal_reason = $4
        WHERE tenant_id = $1 AND application_id = $2 AND withdrawn_at IS NULL AND ($5::uuid IS NULL OR id = $5::uuid)
        RETURNING id`,
      [
        withdrawal.tenantId,
        withdrawal.applicationId,
        withdrawal.by,
        withdrawal.reason,
        withdrawal.assignmentId ?? null,
      ],
    );
    return rows[0].map((r) => r.id);
  }

  /** Active seats of the application and how many of their sheets are submitted. */
  async panelCounts(
    db: EntityManager,
    tenantId: string,
    applicationId: string,
  ): Promise<{ seated: number; submitted: number }> {
    const [row] = await db.query<{ seated: number; submitted: number }[]>(
      `SELECT count(*)::int AS seated,
              count(*) FILTER (WHERE s.status = 'SUBMITTED')::int AS submitted
         FROM expert_assignment x
         LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
        WHERE x.tenant_id = $1 AND x.application_id = $2 AND x.withdrawn_at IS NULL`,
      [tenantId, applicationId],
    );
    return { seated: row?.seated ?? 0, submitted: row?.submitted ?? 0 };
  }

  // ---- score sheets ----

  /** The expert's own seat `id`, withdrawn or not. */
  async ownSeat(
    db: EntityManager,
    tenantId: string,
    expertUserId: string,
    id: string,
  ): Promise<ExpertAssignmentEntity | null> {
    return isId(id) ? db.findOneBy(ExpertAssignmentEntity, { id, tenantId, expertUserId }) : null;
  }

  ownActiveSeats(
    db: EntityManager,
    tenantId: string,
    expertUserId: string,
  ): Promise<ExpertAssignmentEntity[]> {
    return db.find(ExpertAssignmentEntity, {
      where: { tenantId, expertUserId, withdrawnAt: IsNull() },
      order: { assignedAt: 'DESC', id: 'ASC' },
    });
  }

  sheetOfSeat(db: EntityManager, tenantId: string, assignmentId: string): Promise<ReviewSheetEntity | null> {
    return db.findOneBy(ReviewSheetEntity, { tenantId, assignmentId });
  }

  sheetsOfSeats(
    db: EntityManager,
    tenantId: string,
    assignmentIds: readonly string[],
  ): Promise<ReviewSheetEntity[]> {
    return assignmentIds.length
      ? db.find(ReviewSheetEntity, { where: { tenantId, assignmentId: In([...assignmentIds]) } })
      : Promise.resolve([]);
  }

  async sheet(db: EntityManager, tenantId: string, id: string): Promise<ReviewSheetEntity | null> {
    return isId(id) ? db.findOneBy(ReviewSheetEntity, { id, tenantId }) : null;
  }

  /** Writes a draft sheet still at `version`; false when it changed or was submitted meanwhile. */
  async saveDraftSheet(
    db: EntityManager,
    id: string,
    version: number,
    fields: SheetFields,
    at: Date,
  ): Promise<boolean> {
    const { affected } = await db.update(
      ReviewSheetEntity,
      { id, status: 'DRAFT', version },
      { ...fields, version: version + 1, updatedAt: at },
    );
    return affected === 1;
  }

  /** Records the expert's declaration on their sheet once; false when it was already recorded. */
  async declare(db: EntityManager, id: string, declarationVersion: string, at: Date): Promise<boolean> {
    const { affected } = await db.update(
      ReviewSheetEntity,
      { id, declaredAt: IsNull() },
      { declaredAt: at, declarationVersion },
    );
    return affected === 1;
  }

  /** Unlocks a submitted sheet still at `version`; false when someone got there first. */
  async reopenSheet(
    db: EntityManager,
    id: string,
    version: number,
    reopened: { by: string; reason: string; at: Date },
  ): Promise<boolean> {
    const { affected } = await db.update(
      ReviewSheetEntity,
      { id, status: 'SUBMITTED', version },
      {
        status: 'DRAFT',
        submittedAt: null,
        reopenedAt: reopened.at,
        reopenedBy: reopened.by,
        reopenReason: reopened.reason,
        version: version + 1,
        updatedAt: reopened.at,
      },
    );
    return affected === 1;
  }

  /**
   * The submitted sheets of active seats on the applications of a batch (a call's pilot
   * applications, a round's filings), in a stable order.
   */
  async submittedSheetsOfBatch(
    db: EntityManager,
    tenantId: string,
    batch: { type: ReviewSubjectType; id: string },
  ): Promise<SubmittedSheet[]> {
    // A project's acceptance is its own batch: it is scored against its contract, not ranked.
    const subjects =
      batch.type === 'filing'
        ? `SELECT id, tenant_id FROM filing WHERE round_id = $2 AND state <> 'WITHDRAWN'`
        : batch.type === 'project'
          ? `SELECT id, tenant_id FROM project WHERE id = $2`
          : `SELECT id, tenant_id FROM ${SUBJECT_TABLES[batch.type]} WHERE call_id = $2 AND state <> 'WITHDRAWN'`;
    const rows = await db.query<
      { application_id: string; expert_id: string; scores: Record<string, unknown> }[]
    >(
      `SELECT s.application_id, s.expert_id, s.scores
         FROM review_sheet s
         JOIN expert_assignment x ON x.tenant_id = s.tenant_id AND x.id = s.assignment_id AND x.withdrawn_at IS NULL
         JOIN (${subjects}) a ON a.id = s.application_id AND a.tenant_id = x.application_tenant_id
        WHERE s.tenant_id = $1 AND x.subject_type = $3 AND s.status = 'SUBMITTED'
        ORDER BY s.application_id, s.submitted_at, s.id`,
      [tenantId, batch.id, batch.type],
    );
    return rows.map((r) => ({ applicationId: r.application_id, expertId: r.expert_id, scores: r.scores }));
  }
}
