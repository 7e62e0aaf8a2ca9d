import { Injectable } from '@nestjs/common';
import type { FinancingForm, FinancingNeedStatus, IntroductionOutcome } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

export type Named = { id: string; name: string };

export type LinkageInstitutionRow = {
  id: string;
  tenantId: string;
  organizationId: string;
  name: string;
  type: string;
  enrolledOn: string;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
};

export type NeedRow = {
  id: string;
  tenantId: string;
  allianceId: string;
  allianceName: string;
  organizationId: string;
  organizationName: string;
  /** Integer fen as pg returns bigint: a string. */
  amountFen: string;
  purpose: string;
  termMonths: number;
  preferredForm: FinancingForm;
  postedOn: string;
  inLinkageProgramme: boolean;
  status: FinancingNeedStatus;
  version: number;
  createdAt: Date;
};

export type EventRow = {
  id: string;
  tenantId: string;
  title: string;
  heldOn: string;
  organizer: string;
  institutions: Named[];
  enterprises: Named[];
  note: string;
};

export type IntroductionRow = {
  id: string;
  tenantId: string;
  needId: string;
  institutionId: string;
  institutionName: string;
  eventId: string | null;
  introducedOn: string;
  outcome: IntroductionOutcome;
  outcomeOn: string | null;
  outcomeNote: string;
  version: number;
};

export type FinancingRecordRow = {
  id: string;
  tenantId: string;
  form: FinancingForm;
  institutionId: string;
  institutionName: string;
  organizationId: string;
  organizationName: string;
  allianceId: string;
  allianceName: string;
  needId: string | null;
  amountFen: string;
  grantedOn: string;
  termMonths: number | null;
  rateBasisPoints: number | null;
  registeredOn: string | null;
  recordedAt: Date;
};

export type ClaimRow = {
  id: string;
  tenantId: string;
  financingRecordId: string;
  institutionId: string;
  institutionName: string;
  organizationName: string;
  loanForm: FinancingForm;
  loanAmountFen: string;
  grantedOn: string;
  registeredOn: string | null;
  state: string;
  version: number;
  defaultedOn: string;
  principalLostFen: string;
  amountFen: string | null;
  filedOn: string;
  decidedAt: Date | null;
  lastReason: string | null;
  decisionBasis: unknown;
  createdAt: Date;
};

export type StatisticsRow = {
  tenantId: string;
  cityName: string;
  form: FinancingForm;
  institutionId: string;
  institutionName: string;
  year: number;
  records: number;
  amountFen: string;
};

const NEED = `n.id, n.tenant_id AS "tenantId", n.alliance_id AS "allianceId", COALESCE(a.name, '') AS "allianceName",
  n.organization_id AS "organizationId", o.name AS "organizationName", n.amount_fen::text AS "amountFen",
  n.purpose, n.term_months AS "termMonths", n.preferred_form AS "preferredForm",
  to_char(n.posted_on, 'YYYY-MM-DD') AS "postedOn", n.in_linkage_programme AS "inLinkageProgramme",
  n.status, n.version, n.created_at AS "createdAt"`;
// The province reads shared needs of its cities but not their register: the alliance's name is
// read through the need's own row, so a need is shown with '' where the register is not readable.
const NEED_FROM = `financing_need n JOIN organization o ON o.id = n.organization_id
  LEFT JOIN alliance a ON a.tenant_id = n.tenant_id AND a.id = n.alliance_id`;

const INTRODUCTION = `i.id, i.tenant_id AS "tenantId", i.need_id AS "needId", i.institution_id AS "institutionId",
  o.name AS "institutionName", i.event_id AS "eventId", to_char(i.introduced_on, 'YYYY-MM-DD') AS "introducedOn",
  i.outcome, to_char(i.outcome_on, 'YYYY-MM-DD') AS "outcomeOn", i.outcome_note AS "outcomeNote", i.version`;

const RECORD = `r.id, r.tenant_id AS "tenantId", r.form, r.institution_id AS "institutionId", i.name AS "institutionName",
  r.organization_id AS "organizationId", e.name AS "organizationName", r.alliance_id AS "allianceId",
  a.name AS "allianceName", r.need_id AS "needId", r.amount_fen::text AS "amountFen",
  to_char(r.granted_on, 'YYYY-MM-DD') AS "grantedOn", r.term_months AS "termMonths",
  r.rate_basis_points AS "rateBasisPoints", to_char(r.registered_on, 'YYYY-MM-DD') AS "registeredOn",
  r.recorded_at AS "recordedAt"`;
const RECORD_FROM = `financing_record r JOIN organization i ON i.id = r.institution_id
  JOIN organization e ON e.id = r.organization_id JOIN alliance a ON a.tenant_id = r.tenant_id AND a.id = r.alliance_id`;

const CLAIM = `c.id, c.tenant_id AS "tenantId", c.financing_record_id AS "financingRecordId",
  c.institution_id AS "institutionId", i.name AS "institutionName", e.name AS "organizationName",
  r.form AS "loanForm", r.amount_fen::text AS "loanAmountFen", to_char(r.granted_on, 'YYYY-MM-DD') AS "grantedOn",
  to_char(r.registered_on, 'YYYY-MM-DD') AS "registeredOn", c.state, c.version,
  c.dossier ->> 'defaultedOn' AS "defaultedOn", c.dossier ->> 'principalLostFen' AS "principalLostFen",
  c.amount_fen::text AS "amountFen", to_char(c.filed_on, 'YYYY-MM-DD') AS "filedOn", c.decided_at AS "decidedAt",
  c.last_reason AS "lastReason", c.decision_basis AS "decisionBasis", c.created_at AS "createdAt"`;
const CLAIM_FROM = `compensation_claim c
  JOIN financing_record r ON r.tenant_id = c.tenant_id AND r.id = c.financing_record_id
  JOIN organization i ON i.id = c.institution_id JOIN organization e ON e.id = r.organization_id`;

const LIMIT = 200;

const LINKAGE = `l.id, l.tenant_id AS "tenantId", l.organization_id AS "organizationId", o.name, o.type,
  to_char(l.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn", to_char(l.withdrawn_on, 'YYYY-MM-DD') AS "withdrawnOn",
  l.withdrawal_reason AS "withdrawalReason"`;

/** Every statement of finance linkage, in the caller's transaction (row-level security applies). */
@Injectable()
export class FinanceRepository {
  organizationType(
    db: EntityManager,
    id: string,
  ): Promise<{ id: string; name: string; type: string } | null> {
    if (!isId(id)) return Promise.resolve(null);
    return db
      .query<{ id: string; name: string; type: string }[]>(
        `SELECT id, name, type FROM organization WHERE id = $1`,
        [id],
      )
      .then((rows) => rows[0] ?? null);
  }

  organizationsOf(db: EntityManager, ids: string[]): Promise<{ id: string; type: string }[]> {
    return db.query(`SELECT id, type FROM organization WHERE id = ANY ($1::uuid[])`, [ids]);
  }

  linkageInstitutions(db: EntityManager): Promise<LinkageInstitutionRow[]> {
    return db.query(
      `SELECT ${LINKAGE} FROM finance_linkage_institution l JOIN organization o ON o.id = l.organization_id
        ORDER BY l.withdrawn_on NULLS FIRST, l.enrolled_on DESC, o.name`,
    );
  }

  /** One enrolment, locked for the withdrawal that reads it (two withdrawals: one waits, then sees it). */
  async linkageInstitutionForUpdate(db: EntityManager, id: string): Promise<LinkageInstitutionRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<LinkageInstitutionRow[]>(
      `SELECT ${LINKAGE} FROM finance_linkage_institution l JOIN organization o ON o.id = l.organization_id
        WHERE l.id = $1 FOR UPDATE OF l`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Withdraws an open enrolment; false when it was withdrawn already. */
  async withdrawLinkageInstitution(
    db: EntityManager,
    row: { id: string; withdrawnOn: string; reason: string; withdrawnBy: string },
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE finance_linkage_institution SET withdrawn_on = $2, withdrawal_reason = $3, withdrawn_by = $4
        WHERE id = $1 AND withdrawn_on IS NULL`,
      [row.id, row.withdrawnOn, row.reason, row.withdrawnBy],
    );
    return affected === 1;
  }

  async insertLinkageInstitution(
    db: EntityManager,
    row: { tenantId: string; organizationId: string; enrolledOn: string; createdBy: string },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO finance_linkage_institution (tenant_id, organization_id, enrolled_on, created_by)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [row.tenantId, row.organizationId, row.enrolledOn, row.createdBy],
    );
    return rows[0]!.id;
  }

  async need(db: EntityManager, id: string): Promise<NeedRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<NeedRow[]>(`SELECT ${NEED} FROM ${NEED_FROM} WHERE n.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The needs the viewer reads; with an institution, only those it may see (the database's rule). */
  needs(
    db: EntityManager,
    filter: { status?: string | null; allianceId?: string | null; institutionId?: string | null; on: string },
  ): Promise<NeedRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`n.status = $${params.push(filter.status)}`);
    if (filter.allianceId) where.push(`n.alliance_id = $${params.push(filter.allianceId)}`);
    if (filter.institutionId)
      where.push(
        `finance_need_visible_to(n.tenant_id, n.id, $${params.push(filter.institutionId)}, $${params.push(filter.on)})`,
      );
    return db.query(
      `SELECT ${NEED} FROM ${NEED_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY n.posted_on DESC, n.created_at DESC, n.id LIMIT ${LIMIT}`,
      params,
    );
  }

  async insertNeed(
    db: EntityManager,
    n: Omit<NeedRow, 'id' | 'allianceName' | 'organizationName' | 'status' | 'version' | 'createdAt'> & {
      createdBy: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO financing_need (tenant_id, alliance_id, organization_id, amount_fen, purpose, term_months,
                                   preferred_form, posted_on, in_linkage_programme, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        n.tenantId,
        n.allianceId,
        n.organizationId,
        n.amountFen,
        n.purpose,
        n.termMonths,
        n.preferredForm,
        n.postedOn,
        n.inLinkageProgramme,
        n.createdBy,
      ],
    );
    return rows[0]!.id;
  }

  /** Moves a need on if it is still at `version`; false when another change got there first. */
  async updateNeed(
    db: EntityManager,
    id: string,
    version: number,
    changes: { status?: string; inLinkageProgramme?: boolean },
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE financing_need SET status = COALESCE($3, status),
              in_linkage_programme = COALESCE($4, in_linkage_programme), version = version + 1
        WHERE id = $1 AND version = $2`,
      [id, version, changes.status ?? null, changes.inLinkageProgramme ?? null],
    );
    return affected === 1;
  }

  /** A need that financing met: marked once, whatever its version. */
  async markNeedMet(db: EntityManager, id: string): Promise<void> {
    await db.query(
      `UPDATE financing_need SET status = 'MET', version = version + 1 WHERE id = $1 AND status = 'OPEN'`,
      [id],
    );
  }

  events(db: EntityManager, id?: string): Promise<EventRow[]> {
    if (id !== undefined && !isId(id)) return Promise.resolve([]);
    return db.query(
      `SELECT v.id, v.tenant_id AS "tenantId", v.title, to_char(v.held_on, 'YYYY-MM-DD') AS "heldOn", v.organizer,
              v.note,
              (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name), '[]')
                 FROM organization o WHERE o.id = ANY (v.institution_ids)) AS institutions,
              (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name), '[]')
                 FROM organization o WHERE o.id = ANY (v.enterprise_ids)) AS enterprises
         FROM financing_event v ${id ? 'WHERE v.id = $1' : ''}
        ORDER BY v.held_on DESC, v.created_at DESC LIMIT ${LIMIT}`,
      id ? [id] : [],
    );
  }

  async insertEvent(
    db: EntityManager,
    e: {
      tenantId: string;
      title: string;
      heldOn: string;
      organizer: string;
      institutionIds: string[];
      enterpriseIds: string[];
      note: string;
      createdBy: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO financing_event (tenant_id, title, held_on, organizer, institution_ids, enterprise_ids, note, created_by)
       VALUES ($1, $2, $3, $4, $5::uuid[], $6::uuid[], $7, $8) RETURNING id`,
      [e.tenantId, e.title, e.heldOn, e.organizer, e.institutionIds, e.enterpriseIds, e.note, e.createdBy],
    );
    return rows[0]!.id;
  }

  introductionsOf(db: EntityManager, needIds: string[]): Promise<IntroductionRow[]> {
    if (!needIds.length) return Promise.resolve([]);
    return db.query(
      `SELECT ${INTRODUCTION} FROM financing_introduction i JOIN organization o ON o.id = i.institution_id
        WHERE i.need_id = ANY ($1::uuid[]) ORDER BY i.introduced_on, i.created_at`,
      [needIds],
    );
  }

  async introduction(db: EntityManager, id: string): Promise<IntroductionRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<IntroductionRow[]>(
      `SELECT ${INTRODUCTION} FROM financing_introduction i JOIN organization o ON o.id = i.institution_id
        WHERE i.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertIntroduction(
    db: EntityManager,
    i: {
      tenantId: string;
      needId: string;
      institutionId: string;
      eventId: string | null;
      introducedOn: string;
      createdBy: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO financing_introduction (tenant_id, need_id, institution_id, event_id, introduced_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [i.tenantId, i.needId, i.institutionId, i.eventId, i.introducedOn, i.createdBy],
    );
    return rows[0]!.id;
  }

  async answerIntroduction(
    db: EntityManager,
    id: string,
    version: number,
    answer: { outcome: string; outcomeOn: string; note: string },
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE financing_introduction SET outcome = $3, outcome_on = $4, outcome_note = $5, version = version + 1
        WHERE id = $1 AND version = $2`,
      [id, version, answer.outcome, answer.outcomeOn, answer.note],
    );
    return affected === 1;
  }

  async isMember(
    db: EntityManager,
    allianceId: string,
    organizationId: string,
    on: string,
  ): Promise<boolean> {
    const rows = await db.query<{ member: boolean }[]>(
      `SELECT finance_is_member(a.tenant_id, a.id, $2, $3) AS member FROM alliance a WHERE a.id = $1`,
      [allianceId, organizationId, on],
    );
    return rows[0]?.member ?? false;
  }

  async alliance(
    db: EntityManager,
    id: string,
  ): Promise<{ id: string; tenantId: string; name: string } | null> {
    if (!isId(id)) return null;
    const rows = await db.query<{ id: string; tenantId: string; name: string }[]>(
      `SELECT id, tenant_id AS "tenantId", name FROM alliance WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async record(db: EntityManager, id: string): Promise<FinancingRecordRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<FinancingRecordRow[]>(
      `SELECT ${RECORD} FROM ${RECORD_FROM} WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  records(
    db: EntityManager,
    filter: { form?: string | null; needId?: string | null },
  ): Promise<FinancingRecordRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.form) where.push(`r.form = $${params.push(filter.form)}`);
    if (filter.needId) where.push(`r.need_id = $${params.push(filter.needId)}`);
    return db.query(
      `SELECT ${RECORD} FROM ${RECORD_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.granted_on DESC, r.recorded_at DESC LIMIT ${LIMIT}`,
      params,
    );
  }

  async insertRecord(
    db: EntityManager,
    r: Omit<
      FinancingRecordRow,
      'id' | 'institutionName' | 'organizationName' | 'allianceName' | 'recordedAt'
    > & {
      recordedBy: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO financing_record (tenant_id, form, institution_id, organization_id, alliance_id, need_id, amount_fen,
                                     granted_on, term_months, rate_basis_points, registered_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        r.tenantId,
        r.form,
        r.institutionId,
        r.organizationId,
        r.allianceId,
        r.needId,
        r.amountFen,
        r.grantedOn,
        r.termMonths,
        r.rateBasisPoints,
        r.registeredOn,
        r.recordedBy,
      ],
    );
    return rows[0]!.id;
  }

  async claim(db: EntityManager, id: string): Promise<ClaimRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<ClaimRow[]>(`SELECT ${CLAIM} FROM ${CLAIM_FROM} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  claims(db: EntityManager, state?: string | null): Promise<ClaimRow[]> {
    return db.query(
      `SELECT ${CLAIM} FROM ${CLAIM_FROM} ${state ? 'WHERE c.state = $1' : ''}
        ORDER BY c.created_at DESC LIMIT ${LIMIT}`,
      state ? [state] : [],
    );
  }

  async insertClaim(
    db: EntityManager,
    c: {
      tenantId: string;
      financingRecordId: string;
      institutionId: string;
      dossier: { defaultedOn: string; principalLostFen: string };
      filedOn: string;
      createdBy: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO compensation_claim (tenant_id, financing_record_id, institution_id, dossier, filed_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.tenantId, c.financingRecordId, c.institutionId, JSON.stringify(c.dossier), c.filedOn, c.createdBy],
    );
    return rows[0]!.id;
  }

  /** Waits for every other payout to the bank in the year (this bureau's) to commit first. */
  async lockCeiling(db: EntityManager, institutionId: string, year: number): Promise<void> {
    await db.query(`SELECT compensation_ceiling_lock($1, $2)`, [institutionId, year]);
  }

  async paidInYear(db: EntityManager, institutionId: string, year: number): Promise<string> {
    const rows = await db.query<{ paid: string }[]>(
      `SELECT COALESCE(sum(amount_fen), 0)::text AS paid FROM compensation_ledger_entry
        WHERE institution_id = $1 AND ceiling_year = $2`,
      [institutionId, year],
    );
    return rows[0]?.paid ?? '0';
  }

  async insertPayout(
    db: EntityManager,
    p: {
      tenantId: string;
      claimId: string;
      institutionId: string;
      ceilingYear: number;
      amountFen: string;
      ceilingFen: string;
      entryOn: string;
      recordedBy: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO compensation_ledger_entry (tenant_id, claim_id, institution_id, ceiling_year, amount_fen, ceiling_fen,
                                              entry_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        p.tenantId,
        p.claimId,
        p.institutionId,
        p.ceilingYear,
        p.amountFen,
        p.ceilingFen,
        p.entryOn,
        p.recordedBy,
      ],
    );
  }

  statistics(db: EntityManager, year: number | null): Promise<StatisticsRow[]> {
    return db.query(
      `SELECT s.tenant_id AS "tenantId", t.name AS "cityName", s.form, s.institution_id AS "institutionId",
              o.name AS "institutionName", s.year, s.records::int AS records, s.amount_fen::text AS "amountFen"
         FROM finance_statistics($1) s JOIN tenant t ON t.id = s.tenant_id JOIN organization o ON o.id = s.institution_id
        ORDER BY s.year DESC, t.code, s.form, o.name`,
      [year],
    );
  }
}
