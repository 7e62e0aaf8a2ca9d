import { Injectable } from '@nestjs/common';
import type {
  AgreementIpTerms,
  PilotStatus,
  AllianceStatus,
  PriorInvestment,
  ProgrammeApplicationState,
  ProgrammeDocumentKind,
} from '@xiangmeng/domain';
import { type EntityManager, In } from 'typeorm';
import { isId } from '../../common/access/access';
import { DocumentEntity } from '../documents/document.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import {
  PriorInvestmentDocumentEntity,
  PriorInvestmentEntity,
  ProgrammeApplicationDocumentEntity,
  ProgrammeApplicationEntity,
} from './programme-application.entity';

const LAPSED = `('DECLINED', 'NOT_RECOMMENDED', 'REFUSED', 'WITHDRAWN')`;

export type NewProgrammeApplication = Pick<
  ProgrammeApplicationEntity,
  | 'tenantId'
  | 'allianceId'
  | 'callId'
  | 'programmeId'
  | 'authorityTenantId'
  | 'recommendingTenantId'
  | 'createdBy'
>;

export type AttachedDocument = { documentId: string; kind: ProgrammeDocumentKind; fileName: string };

/** What the register says of the application's alliance on a day (programme_application_register). */
export type RegisterFacts = {
  alliance: {
    id: string;
    tenantId: string;
    name: string;
    status: AllianceStatus;
    pilotStatus: PilotStatus;
    industryCode: string;
  };
  chairUnit: { organizationId: string; name: string } | null;
  memberOrganizationIds: string[];
  agreement: AgreementIpTerms | null;
};

/**
 * The IP clauses of the agreement in effect, from its ip_* columns: the one place they are read
 * for a programme's eligibility (Art. 20(2)); a clause the row lacks reads as unstated.
 */
export function agreementIpTermsOfRow(row: Record<string, unknown> | null): AgreementIpTerms | null {
  if (!row) return null;
  const text = (key: string) => (typeof row[key] === 'string' ? row[key] : '');
  return {
    version: typeof row.version === 'number' ? row.version : 0,
    ownership: text('ip_ownership'),
    licensing: text('ip_licensing'),
    benefitSharing: text('ip_benefit_sharing'),
    onDissolution: text('ip_on_dissolution'),
    onMemberExit: text('ip_on_member_exit'),
  };
}

export type ApplicationFilter = {
  scope: 'OWN' | 'RECEIVED' | 'ALL';
  programmeId?: string | null;
  callId?: string | null;
  states?: readonly ProgrammeApplicationState[] | null;
  first: number;
  offset: number;
};

export type InvestmentRow = PriorInvestmentEntity & { evidenceDocumentIds: string[] };

/** Every statement of programme applications and prior investment, in the caller's transaction. */
@Injectable()
export class ProgrammeApplicationsRepository {
  find(db: EntityManager, id: string): Promise<ProgrammeApplicationEntity | null> {
    return isId(id) ? db.findOneBy(ProgrammeApplicationEntity, { id }) : Promise.resolve(null);
  }

  /** A page of the applications the viewer reads, newest first, with the count of all that match. */
  async list(
    db: EntityManager,
    viewerTenantId: string,
    filter: ApplicationFilter,
  ): Promise<{ rows: ProgrammeApplicationEntity[]; totalCount: number }> {
    const q = db.createQueryBuilder(ProgrammeApplicationEntity, 'a');
    if (filter.scope === 'OWN') q.andWhere('a.tenant_id = :t', { t: viewerTenantId });
    if (filter.scope === 'RECEIVED')
      q.andWhere('a.authority_tenant_id = :t AND a.recommended_at IS NOT NULL', { t: viewerTenantId });
    if (filter.programmeId) q.andWhere('a.programme_id = :p', { p: filter.programmeId });
    if (filter.callId) q.andWhere('a.call_id = :c', { c: filter.callId });
    if (filter.states?.length) q.andWhere('a.state IN (:...s)', { s: filter.states });
    q.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').skip(filter.offset).take(filter.first);
    const [rows, totalCount] = await q.getManyAndCount();
    return { rows, totalCount };
  }

  /** A new draft; null when the alliance already has a live application to the call. */
  async insertDraft(db: EntityManager, draft: NewProgrammeApplication): Promise<string | null> {
    const live = await db.query<{ id: string }[]>(
      `SELECT id FROM programme_application WHERE tenant_id = $1 AND call_id = $2 AND alliance_id = $3
          AND state NOT IN ${LAPSED}`,
      [draft.tenantId, draft.callId, draft.allianceId],
    );
    if (live.length) return null;
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO programme_application (tenant_id, alliance_id, call_id, programme_id, authority_tenant_id,
                                          recommending_tenant_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, call_id, alliance_id) WHERE state NOT IN ${LAPSED} DO NOTHING
       RETURNING id`,
      [
        draft.tenantId,
        draft.allianceId,
        draft.callId,
        draft.programmeId,
        draft.authorityTenantId,
        draft.recommendingTenantId,
        draft.createdBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Writes the form if the application is still in `state` at `version`; false otherwise. */
  async updateForm(
    db: EntityManager,
    id: string,
    state: ProgrammeApplicationState,
    version: number,
    form: Record<string, unknown>,
    requestedSupportFen: string,
  ): Promise<boolean> {
    const [rows] = await db.query<[{ id: string }[], number]>(
      `UPDATE programme_application SET form = $4, requested_support_fen = $5, version = $3 + 1
        WHERE id = $1 AND state = $2 AND version = $3 RETURNING id`,
      [id, state, version, JSON.stringify(form), requestedSupportFen],
    );
    return rows.length === 1;
  }

  async replaceDocuments(
    db: EntityManager,
    application: { id: string; tenantId: string },
    documents: readonly { documentId: string; kind: ProgrammeDocumentKind }[],
  ): Promise<void> {
    await db.delete(ProgrammeApplicationDocumentEntity, {
      tenantId: application.tenantId,
      applicationId: application.id,
    });
    if (documents.length)
      await db.insert(
        ProgrammeApplicationDocumentEntity,
        documents.map((d) => ({ tenantId: application.tenantId, applicationId: application.id, ...d })),
      );
  }

  async attachedDocuments(
    db: EntityManager,
    application: { id: string; tenantId: string },
  ): Promise<AttachedDocument[]> {
    const rows = await db.query<{ document_id: string; kind: ProgrammeDocumentKind; file_name: string }[]>(
      `SELECT a.document_id, a.kind, d.file_name FROM programme_application_document a
         JOIN document d ON d.tenant_id = a.tenant_id AND d.id = a.document_id
        WHERE a.tenant_id = $1 AND a.application_id = $2
        ORDER BY a.attached_at, a.document_id`,
      [application.tenantId, application.id],
    );
    return rows.map((r) => ({ documentId: r.document_id, kind: r.kind, fileName: r.file_name }));
  }

  /** Of `ids`, the documents uploaded to the alliance's register. */
  allianceDocuments(
    db: EntityManager,
    allianceId: string,
    ids: readonly string[],
  ): Promise<DocumentEntity[]> {
    const valid = ids.filter(isId);
    return valid.length ? db.findBy(DocumentEntity, { id: In(valid), allianceId }) : Promise.resolve([]);
  }

  organizationsByIds(db: EntityManager, ids: readonly string[]): Promise<OrganizationEntity[]> {
    const valid = ids.filter(isId);
    return valid.length ? db.findBy(OrganizationEntity, { id: In(valid) }) : Promise.resolve([]);
  }

  /** The register's facts on `on` for an application the viewer reads; null otherwise. */
  async register(db: EntityManager, applicationId: string, on: string): Promise<RegisterFacts | null> {
    const [row] = await db.query<
      {
        register: (Omit<RegisterFacts, 'agreement'> & { agreement: Record<string, unknown> | null }) | null;
      }[]
    >(`SELECT programme_application_register($1, $2::date) AS register`, [applicationId, on]);
    const register = row?.register;
    if (!register) return null;
    return { ...register, agreement: agreementIpTermsOfRow(register.agreement) };
  }

  /**
   * Takes the programme's budget lock (the award trigger takes the same) and reads what its awards
   * already hold: concurrent awards of one programme queue here, each reading the last one's sum.
   */
  async lockedAwardedFen(db: EntityManager, authorityTenantId: string, programmeId: string): Promise<string> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('programme_budget:' || $1::text, 0))`, [
      programmeId,
    ]);
    const [row] = await db.query<{ awarded: string }[]>(
      `SELECT coalesce(sum(award_fen), 0)::text AS awarded FROM programme_application
        WHERE authority_tenant_id = $1 AND programme_id = $2 AND state = 'AWARDED'`,
      [authorityTenantId, programmeId],
    );
    return row?.awarded ?? '0';
  }

  // ---- prior investment ----

  async insertInvestment(
    db: EntityManager,
    investment: Pick<
      PriorInvestmentEntity,
      'tenantId' | 'allianceId' | 'authorityTenantId' | 'description' | 'declaredFen' | 'declaredBy'
    >,
    evidenceDocumentIds: readonly string[],
  ): Promise<string> {
    const result = await db.insert(PriorInvestmentEntity, investment);
    const id = result.identifiers[0]!.id as string;
    await db.insert(
      PriorInvestmentDocumentEntity,
      evidenceDocumentIds.map((documentId) => ({
        tenantId: investment.tenantId,
        investmentId: id,
        documentId,
      })),
    );
    return id;
  }

  async findInvestment(db: EntityManager, id: string): Promise<InvestmentRow | null> {
    if (!isId(id)) return null;
    const row = await db.findOneBy(PriorInvestmentEntity, { id });
    if (!row) return null;
    return (await this.withEvidence(db, [row]))[0] ?? null;
  }

  /** Writes the verification once; false when it was verified meanwhile. */
  async verify(
    db: EntityManager,
    id: string,
    verification: Pick<
      PriorInvestmentEntity,
      'verifiedFen' | 'verificationReason' | 'verifiedOn' | 'verifiedBy'
    > & {
      verifiedAt: Date;
    },
  ): Promise<boolean> {
    const [rows] = await db.query<[{ id: string }[], number]>(
      `UPDATE prior_investment SET verified_fen = $2, verification_reason = $3, verified_on = $4,
              verified_at = $5, verified_by = $6
        WHERE id = $1 AND verified_fen IS NULL RETURNING id`,
      [
        id,
        verification.verifiedFen,
        verification.verificationReason,
        verification.verifiedOn,
        verification.verifiedAt,
        verification.verifiedBy,
      ],
    );
    return rows.length === 1;
  }

  /** The investments the viewer reads: of one alliance and verifying authority when named, oldest first. */
  async investments(
    db: EntityManager,
    filter: { allianceId?: string | null; authorityTenantId?: string | null; unverifiedOnly?: boolean },
  ): Promise<InvestmentRow[]> {
    const q = db.createQueryBuilder(PriorInvestmentEntity, 'i');
    if (filter.allianceId) q.andWhere('i.alliance_id = :a', { a: filter.allianceId });
    if (filter.authorityTenantId) q.andWhere('i.authority_tenant_id = :t', { t: filter.authorityTenantId });
    if (filter.unverifiedOnly) q.andWhere('i.verified_fen IS NULL');
    q.orderBy('i.declared_at', 'ASC').addOrderBy('i.id', 'ASC').take(500);
    return this.withEvidence(db, await q.getMany());
  }

  private async withEvidence(db: EntityManager, rows: PriorInvestmentEntity[]): Promise<InvestmentRow[]> {
    if (!rows.length) return [];
    const links = await db.findBy(PriorInvestmentDocumentEntity, { investmentId: In(rows.map((r) => r.id)) });
    return rows.map((r) =>
      Object.assign(r, {
        evidenceDocumentIds: links.filter((l) => l.investmentId === r.id).map((l) => l.documentId),
      }),
    );
  }
}

/** An investment as the domain's rules read it. */
export function toPriorInvestment(row: InvestmentRow): PriorInvestment {
  return {
    description: row.description,
    declaredFen: row.declaredFen,
    evidenceDocumentCount: row.evidenceDocumentIds.length,
    verification:
      row.verifiedFen !== null
        ? { verifiedFen: row.verifiedFen, reason: row.verificationReason, verifiedOn: row.verifiedOn ?? '' }
        : null,
  };
}
