import { Injectable } from '@nestjs/common';
import type {
  EvaluationGrade,
  EvaluationRoundStatus,
  EvaluationSheetStatus,
  PlatformKind,
  PlatformStatus,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

export type EvaluationRoundRow = {
  id: string;
  tenantId: string;
  year: number;
  field: string;
  fieldName: string;
  status: EvaluationRoundStatus;
  evaluatedOn: string | null;
  version: number;
  openedAt: Date;
  closedAt: Date | null;
};

export type RoundPlatformRow = {
  roundId: string;
  platformId: string;
  due: 'PERIODIC' | 'RE_EVALUATION';
  evaluationId: string | null;
  name: string;
  kind: PlatformKind;
  status: PlatformStatus;
  hostName: string;
  allianceName: string;
  recognisedOn: string;
  rectificationDueOn: string | null;
  /** The evaluation's grade and total once the round closed (the authority's staff read them). */
  grade: EvaluationGrade | null;
  total: string | null;
};

export type RoundSeatRow = {
  id: string;
  roundId: string;
  expertId: string;
  expertName: string;
  expertUserId: string;
  seatedAt: Date;
  declaredAt: Date | null;
  declarationVersion: string | null;
};

export type RoundSheetRow = {
  id: string;
  roundId: string;
  seatId: string;
  platformId: string;
  expertId: string;
  expertName: string;
  scores: Record<string, number>;
  status: EvaluationSheetStatus;
  submittedAt: Date | null;
  version: number;
};

/** What a round needs to know of a platform of the field: its standing and last evaluation. */
export type FieldPlatformRow = {
  id: string;
  kind: PlatformKind;
  status: PlatformStatus;
  recognisedOn: string;
  rectificationDueOn: string | null;
  lastEvaluatedYear: number | null;
  openRoundId: string | null;
};

const ROUND_COLUMNS = `r.id, r.tenant_id AS "tenantId", r.year, r.field, i.name AS "fieldName", r.status,
  to_char(r.evaluated_on, 'YYYY-MM-DD') AS "evaluatedOn", r.version, r.opened_at AS "openedAt",
  r.closed_at AS "closedAt"`;
const ROUND_FROM = `platform_evaluation_round r JOIN industry i ON i.code = r.field`;

/** Every statement of evaluation rounds, in the caller's transaction (row-level security applies). */
@Injectable()
export class EvaluationRoundsRepository {
  async find(db: EntityManager, id: string, lock = false): Promise<EvaluationRoundRow | null> {
    if (!isId(id)) return null;
    if (lock) await db.query(`SELECT 1 FROM platform_evaluation_round WHERE id = $1 FOR UPDATE`, [id]);
    const rows = await db.query<EvaluationRoundRow[]>(
      `SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  list(db: EntityManager, tenantId: string): Promise<EvaluationRoundRow[]> {
    return db.query<EvaluationRoundRow[]>(
      `SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE r.tenant_id = $1
        ORDER BY r.year DESC, r.opened_at DESC, r.id`,
      [tenantId],
    );
  }

  async exists(db: EntityManager, tenantId: string, year: number, field: string): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM platform_evaluation_round WHERE tenant_id = $1 AND year = $2 AND field = $3`,
      [tenantId, year, field],
    );
    return rows.length > 0;
  }

  async industryExists(db: EntityManager, code: string): Promise<boolean> {
    return (await db.query<unknown[]>(`SELECT 1 FROM industry WHERE code = $1`, [code])).length > 0;
  }

  /** The authority's own platforms of the field, not removed, with their last evaluation and open round. */
  platformsOfField(db: EntityManager, tenantId: string, field: string): Promise<FieldPlatformRow[]> {
    return db.query<FieldPlatformRow[]>(
      `SELECT p.id, p.kind, p.status, to_char(p.recognised_on, 'YYYY-MM-DD') AS "recognisedOn",
              to_char(p.rectification_due_on, 'YYYY-MM-DD') AS "rectificationDueOn",
              (SELECT max(e.year) FROM platform_evaluation e
                WHERE e.tenant_id = p.tenant_id AND e.platform_id = p.id) AS "lastEvaluatedYear",
              (SELECT rp.round_id FROM platform_evaluation_round_platform rp
                 JOIN platform_evaluation_round r ON r.tenant_id = rp.tenant_id AND r.id = rp.round_id
                WHERE rp.tenant_id = p.tenant_id AND rp.platform_id = p.id AND r.status = 'OPEN'
                LIMIT 1) AS "openRoundId"
         FROM platform p
        WHERE p.tenant_id = $1 AND p.field = $2 AND p.status <> 'REMOVED'
        ORDER BY p.recognised_on, p.id`,
      [tenantId, field],
    );
  }

  /** Opens the round; null when the field's round of the year exists already. */
  async insert(
    db: EntityManager,
    r: { tenantId: string; year: number; field: string; openedBy: string },
  ): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO platform_evaluation_round (tenant_id, year, field, opened_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, year, field) DO NOTHING RETURNING id`,
      [r.tenantId, r.year, r.field, r.openedBy],
    );
    return rows[0]?.id ?? null;
  }

  async addPlatforms(
    db: EntityManager,
    tenantId: string,
    roundId: string,
    platforms: readonly { id: string; due: 'PERIODIC' | 'RE_EVALUATION' }[],
  ): Promise<void> {
    await db.query(
      `INSERT INTO platform_evaluation_round_platform (tenant_id, round_id, platform_id, due)
       SELECT $1, $2, x.id, x.due FROM unnest($3::uuid[], $4::text[]) AS x (id, due)`,
      [tenantId, roundId, platforms.map((p) => p.id), platforms.map((p) => p.due)],
    );
  }

  platformsOf(db: EntityManager, roundId: string): Promise<RoundPlatformRow[]> {
    return db.query<RoundPlatformRow[]>(
      `SELECT rp.round_id AS "roundId", rp.platform_id AS "platformId", rp.due, rp.evaluation_id AS "evaluationId",
              p.name, p.kind, p.status, o.name AS "hostName", p.alliance_name AS "allianceName",
              to_char(p.recognised_on, 'YYYY-MM-DD') AS "recognisedOn",
              to_char(p.rectification_due_on, 'YYYY-MM-DD') AS "rectificationDueOn",
              e.grade, e.total::text AS total
         FROM platform_evaluation_round_platform rp
         JOIN platform p ON p.tenant_id = rp.tenant_id AND p.id = rp.platform_id
         JOIN organization o ON o.id = p.host_organization_id
         LEFT JOIN platform_evaluation e ON e.tenant_id = rp.tenant_id AND e.id = rp.evaluation_id
        WHERE rp.round_id = $1 ORDER BY p.name, p.id`,
      [roundId],
    );
  }

  /** Host and co-builders of the round's platforms (the parties of the conflict rules). */
  membersOf(
    db: EntityManager,
    roundId: string,
  ): Promise<{ platformId: string; organizationId: string; role: 'HOST' | 'CO_BUILDER' }[]> {
    return db.query(
      `SELECT m.platform_id AS "platformId", m.organization_id AS "organizationId", m.role
         FROM platform_member m
         JOIN platform_evaluation_round_platform rp ON rp.tenant_id = m.tenant_id AND rp.platform_id = m.platform_id
        WHERE rp.round_id = $1`,
      [roundId],
    );
  }

  seatsOf(db: EntityManager, roundId: string): Promise<RoundSeatRow[]> {
    return db.query<RoundSeatRow[]>(
      `SELECT s.id, s.round_id AS "roundId", s.expert_id AS "expertId", e.name AS "expertName",
              s.expert_user_id AS "expertUserId", s.seated_at AS "seatedAt", s.declared_at AS "declaredAt",
              s.declaration_version AS "declarationVersion"
         FROM platform_evaluation_seat s JOIN expert e ON e.tenant_id = s.tenant_id AND e.id = s.expert_id
        WHERE s.round_id = $1 ORDER BY s.seated_at, e.name, s.id`,
      [roundId],
    );
  }

  async seat(db: EntityManager, id: string): Promise<RoundSeatRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<RoundSeatRow[]>(
      `SELECT s.id, s.round_id AS "roundId", s.expert_id AS "expertId", e.name AS "expertName",
              s.expert_user_id AS "expertUserId", s.seated_at AS "seatedAt", s.declared_at AS "declaredAt",
              s.declaration_version AS "declarationVersion"
         FROM platform_evaluation_seat s JOIN expert e ON e.tenant_id = s.tenant_id AND e.id = s.expert_id
        WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The expert's own seats (row-level security shows an expert nothing else). */
  seatsOfUser(db: EntityManager, tenantId: string, userId: string): Promise<RoundSeatRow[]> {
    return db.query<RoundSeatRow[]>(
      `SELECT s.id, s.round_id AS "roundId", s.expert_id AS "expertId", '' AS "expertName",
              s.expert_user_id AS "expertUserId", s.seated_at AS "seatedAt", s.declared_at AS "declaredAt",
              s.declaration_version AS "declarationVersion"
         FROM platform_evaluation_seat s
        WHERE s.tenant_id = $1 AND s.expert_user_id = $2 ORDER BY s.seated_at DESC, s.id`,
      [tenantId, userId],
    );
  }

  /** Seats the expert; null when already seated on the round. */
  async insertSeat(
    db: EntityManager,
    s: { tenantId: string; roundId: string; expertId: string; expertUserId: string; seatedBy: string },
  ): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO platform_evaluation_seat (tenant_id, round_id, expert_id, expert_user_id, seated_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, round_id, expert_id) DO NOTHING RETURNING id`,
      [s.tenantId, s.roundId, s.expertId, s.expertUserId, s.seatedBy],
    );
    return rows[0]?.id ?? null;
  }

  async insertSheets(
    db: EntityManager,
    s: { tenantId: string; roundId: string; seatId: string; expertId: string; expertUserId: string },
    platformIds: readonly string[],
  ): Promise<void> {
    await db.query(
      `INSERT INTO platform_evaluation_sheet (tenant_id, round_id, seat_id, platform_id, expert_id, expert_user_id)
       SELECT $1, $2, $3, x.id, $4, $5 FROM unnest($6::uuid[]) AS x (id)`,
      [s.tenantId, s.roundId, s.seatId, s.expertId, s.expertUserId, platformIds],
    );
  }

  async declare(db: EntityManager, seatId: string, version: string, at: Date): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE platform_evaluation_seat SET declared_at = $3, declaration_version = $2
        WHERE id = $1 AND declared_at IS NULL`,
      [seatId, version, at],
    );
    return affected === 1;
  }

  sheetsOf(db: EntityManager, roundId: string, seatId: string | null = null): Promise<RoundSheetRow[]> {
    return db.query<RoundSheetRow[]>(
      `SELECT sh.id, sh.round_id AS "roundId", sh.seat_id AS "seatId", sh.platform_id AS "platformId",
              sh.expert_id AS "expertId", coalesce(e.name, '') AS "expertName", sh.scores, sh.status,
              sh.submitted_at AS "submittedAt", sh.version
         FROM platform_evaluation_sheet sh
         LEFT JOIN expert e ON e.tenant_id = sh.tenant_id AND e.id = sh.expert_id
        WHERE sh.round_id = $1 AND ($2::uuid IS NULL OR sh.seat_id = $2::uuid)
        ORDER BY sh.submitted_at NULLS LAST, sh.id`,
      [roundId, seatId],
    );
  }

  async sheet(db: EntityManager, id: string): Promise<RoundSheetRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<RoundSheetRow[]>(
      `SELECT sh.id, sh.round_id AS "roundId", sh.seat_id AS "seatId", sh.platform_id AS "platformId",
              sh.expert_id AS "expertId", '' AS "expertName", sh.scores, sh.status,
              sh.submitted_at AS "submittedAt", sh.version
         FROM platform_evaluation_sheet sh WHERE sh.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Saves the scores from the version read (and submits them); false when it moved or may not. */
  async saveSheet(
    db: EntityManager,
    s: { id: string; version: number; scores: Record<string, number>; submittedAt: Date | null },
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE platform_evaluation_sheet
          SET scores = $3, status = CASE WHEN $4::timestamptz IS NULL THEN 'DRAFT' ELSE 'SUBMITTED' END,
              submitted_at = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = 'DRAFT'`,
      [s.id, s.version, JSON.stringify(s.scores), s.submittedAt],
    );
    return affected === 1;
  }

  async close(
    db: EntityManager,
    r: { id: string; version: number; evaluatedOn: string; closedBy: string },
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE platform_evaluation_round SET status = 'CLOSED', evaluated_on = $3, closed_by = $4, closed_at = now(),
              version = version + 1
        WHERE id = $1 AND version = $2 AND status = 'OPEN'`,
      [r.id, r.version, r.evaluatedOn, r.closedBy],
    );
    return affected === 1;
  }

  async setEvaluation(
    db: EntityManager,
    roundId: string,
    platformId: string,
    evaluationId: string,
  ): Promise<void> {
    await db.query(
      `UPDATE platform_evaluation_round_platform SET evaluation_id = $3 WHERE round_id = $1 AND platform_id = $2`,
      [roundId, platformId, evaluationId],
    );
  }
}
