import { Injectable } from '@nestjs/common';
import {
  FILING_WORKFLOW,
  type FilingDocumentKind,
  type FilingSnapshot,
  type FilingState,
  type PilotLevel,
  type SignificanceLevel,
  statesWhere,
} from '@xiangmeng/domain';
import { type EntityManager, In } from 'typeorm';
import { isId } from '../../common/access/access';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { AllianceEntity } from '../alliances/alliance.entity';
import { loadSnapshots, type StoredSnapshot } from '../alliances/alliance-snapshots';
import { sqlStates } from '../applications/sql-states';
import { DocumentEntity } from '../documents/document.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import {
  FilingDocumentEntity,
  FilingEntity,
  FilingObjectionEntity,
  FilingSnapshotEntity,
} from './filing.entity';

export type FilingScope = 'OWN' | 'RECEIVED' | 'ALL';
export type FilingFilter = { scope: FilingScope; state?: FilingState | null; roundId?: string | null };

export type AttachedDocument = {
  filingId: string;
  documentId: string;
  kind: FilingDocumentKind;
  name: string;
  sha256: string;
  size: number;
};

/** The approved pilot application a filing rests on, as the filing city reads it. */
export type PilotDecisionRow = {
  pilotApplicationId: string;
  level: PilotLevel;
  authorityTenantId: string;
  recommendingTenantId: string;
  decidedOn: string;
  reason: string;
  basis: Record<string, unknown>;
};

export type RegisteredAlliance = { alliance: AllianceEntity; snapshot: StoredSnapshot };

/** What the register's export shows of a filing. */
export type RegisterFilingRow = Pick<FilingEntity, 'allianceId' | 'state' | 'filingNumber' | 'createdAt'>;

/** Filings received from one city in one state. */
export type FilingCountRow = { tenantId: string; state: FilingState; count: number };

export type FilingTimelineRow = {
  occurred_at: Date;
  tenant_id: string;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  after: { state?: string; reason?: string; filingNumber?: string } | null;
};

const LAPSED = sqlStates(statesWhere(FILING_WORKFLOW, 'lapsed'));
const SENT_UPWARD = sqlStates(statesWhere(FILING_WORKFLOW, 'sentUpward'));

/** Every statement of the filings feature, in the caller's transaction (row-level security applies). */
@Injectable()
export class FilingsRepository {
  find(db: EntityManager, id: string): Promise<FilingEntity | null> {
    return isId(id) ? db.findOneBy(FilingEntity, { id }) : Promise.resolve(null);
  }

  list(db: EntityManager, tenantId: string, filter: FilingFilter): Promise<FilingEntity[]> {
    const query = db.createQueryBuilder(FilingEntity, 'f');
    if (filter.scope === 'OWN') query.andWhere('f.tenant_id = :tenantId', { tenantId });
    if (filter.scope === 'RECEIVED') query.andWhere('f.authority_tenant_id = :tenantId', { tenantId });
    if (filter.state) query.andWhere('f.state = :state', { state: filter.state });
    if (filter.roundId && isId(filter.roundId))
      query.andWhere('f.round_id = :roundId', { roundId: filter.roundId });
    return query
      .orderBy('f.submitted_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('f.created_at', 'DESC')
      .getMany();
  }

  /** Every filing of these alliances the viewer reads (row-level security decides which). */
  ofAlliances(db: EntityManager, allianceIds: readonly string[]): Promise<FilingEntity[]> {
    const valid = allianceIds.filter(isId);
    return valid.length ? db.findBy(FilingEntity, { allianceId: In(valid) }) : Promise.resolve([]);
  }

  /** The same, with only what the register's export shows (no dossiers for thousands of rows). */
  registerRowsOf(db: EntityManager, allianceIds: readonly string[]): Promise<RegisterFilingRow[]> {
    return allianceIds.length
      ? db.find(FilingEntity, {
          select: { allianceId: true, state: true, filingNumber: true, createdAt: true },
          where: { allianceId: In([...allianceIds]) },
        })
      : Promise.resolve([]);
  }

  /** The filings sent to the authority (submitted at least once), counted per city and state. */
  countsByCity(db: EntityManager, authorityTenantId: string): Promise<FilingCountRow[]> {
    return db.query<FilingCountRow[]>(
      `SELECT tenant_id AS "tenantId", state, count(*)::int AS count FROM filing
        WHERE authority_tenant_id = $1 AND submitted_at IS NOT NULL
        GROUP BY tenant_id, state`,
      [authorityTenantId],
    );
  }

  /** Inserts a draft; null when the alliance already has an open or valid filing (the index holds it). */
  async insertDraft(
    db: EntityManager,
    draft: {
      tenantId: string;
      allianceId: string;
      roundId: string;
      authorityTenantId: string;
      createdBy: string;
    },
  ): Promise<string | null> {
    try {
      const rows = await db.query<{ id: string }[]>(
        `INSERT INTO filing (tenant_id, alliance_id, round_id, authority_tenant_id, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [draft.tenantId, draft.allianceId, draft.roundId, draft.authorityTenantId, draft.createdBy],
      );
      return rows[0]?.id ?? null;
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  /** Writes the city's part if the filing is still in `state` at `version`. */
  async updateForm(
    db: EntityManager,
    id: string,
    state: FilingState,
    version: number,
    form: { significance: string; level: SignificanceLevel | null },
  ): Promise<boolean> {
    const result = await db.update(FilingEntity, { id, state, version }, { ...form, version: version + 1 });
    return result.affected === 1;
  }

  async replaceDocuments(
    db: EntityManager,
    filing: { id: string; tenantId: string },
    documents: readonly { documentId: string; kind: FilingDocumentKind }[],
  ): Promise<void> {
    await db.delete(FilingDocumentEntity, { tenantId: filing.tenantId, filingId: filing.id });
    for (const d of documents)
      await db.insert(FilingDocumentEntity, { tenantId: filing.tenantId, filingId: filing.id, ...d });
  }

  /** The attached documents of each filing, with their names and content hashes. */
  async attachedDocuments(db: EntityManager, filingIds: readonly string[]): Promise<AttachedDocument[][]> {
    const rows = filingIds.length
      ? await db.query<AttachedDocument[]>(
          `SELECT a.filing_id AS "filingId", a.document_id AS "documentId", a.kind, d.file_name AS name,
                  encode(d.sha256, 'hex') AS sha256, d.size_bytes::int AS size
             FROM filing_document a JOIN document d ON d.tenant_id = a.tenant_id AND d.id = a.document_id
            WHERE a.filing_id = ANY($1::uuid[]) ORDER BY a.attached_at, a.kind`,
          [filingIds],
        )
      : [];
    return filingIds.map((id) => rows.filter((r) => r.filingId === id));
  }

  /** The states of the alliance's other filings (the one checked left out). */
  async otherFilingStates(db: EntityManager, filing: FilingEntity): Promise<FilingState[]> {
    const rows = await db.query<{ state: FilingState }[]>(
      'SELECT state FROM filing WHERE tenant_id = $1 AND alliance_id = $2 AND id <> $3',
      [filing.tenantId, filing.allianceId, filing.id],
    );
    return rows.map((r) => r.state);
  }

  /** The city's filings in the round sent upward and not lapsed, the one being sent left out. */
  async usedQuota(db: EntityManager, filing: FilingEntity): Promise<number> {
    const [row] = await db.query<{ used: number }[]>(
      `SELECT count(*)::int AS used FROM filing
        WHERE tenant_id = $1 AND round_id = $2 AND id <> $3
          AND state IN ${SENT_UPWARD} AND state NOT IN ${LAPSED}`,
      [filing.tenantId, filing.roundId, filing.id],
    );
    return row?.used ?? 0;
  }

  /** The latest approval of the alliance as a pilot, at either level. */
  async pilotDecision(db: EntityManager, allianceId: string): Promise<PilotDecisionRow | null> {
    const [row] = await db.query<PilotDecisionRow[]>(
      `SELECT id AS "pilotApplicationId", level, authority_tenant_id AS "authorityTenantId",
              recommending_tenant_id AS "recommendingTenantId",
              to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "decidedOn",
              coalesce(decision_reason, '') AS reason, coalesce(decision_basis, '{}'::jsonb) AS basis
         FROM pilot_application WHERE alliance_id = $1 AND state = 'APPROVED'
        ORDER BY decided_at DESC LIMIT 1`,
      [allianceId],
    );
    return row ?? null;
  }

  /** The alliance as the register holds it now, with what the Art. 8 check reads. */
  async alliance(db: EntityManager, allianceId: string): Promise<RegisteredAlliance | null> {
    const alliance = isId(allianceId) ? await db.findOneBy(AllianceEntity, { id: allianceId }) : null;
    if (!alliance) return null;
    const snapshot = (await loadSnapshots(db, [alliance])).get(alliance.id);
    return snapshot ? { alliance, snapshot } : null;
  }

  /** Whether the filed alliance has dissolved (a definer function: the province may not read it yet). */
  async allianceDissolved(db: EntityManager, filingId: string): Promise<boolean> {
    const [row] = await db.query<{ dissolved: boolean | null }[]>(
      'SELECT filing_alliance_dissolved($1) AS dissolved',
      [filingId],
    );
    return row?.dissolved === true;
  }

  alliancesByIds(db: EntityManager, ids: readonly string[]): Promise<AllianceEntity[]> {
    const valid = ids.filter(isId);
    return valid.length ? db.findBy(AllianceEntity, { id: In(valid) }) : Promise.resolve([]);
  }

  organizationsByIds(db: EntityManager, ids: readonly string[]): Promise<OrganizationEntity[]> {
    return ids.length ? db.findBy(OrganizationEntity, { id: In([...ids]) }) : Promise.resolve([]);
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

  async freeze(
    db: EntityManager,
    filing: FilingEntity,
    snapshot: {
      kind: 'SUBMISSION' | 'CHANGE';
      snapshot: FilingSnapshot;
      sha256: string;
      takenAt: Date;
      takenBy: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO filing_snapshot (tenant_id, filing_id, seq, kind, snapshot, sha256, taken_at, taken_by)
       SELECT $1, $2, coalesce(max(seq), 0) + 1, $3, $4, $5, $6, $7 FROM filing_snapshot
        WHERE tenant_id = $1 AND filing_id = $2`,
      [
        filing.tenantId,
        filing.id,
        snapshot.kind,
        JSON.stringify(snapshot.snapshot),
        snapshot.sha256,
        snapshot.takenAt,
        snapshot.takenBy,
      ],
    );
  }

  snapshots(db: EntityManager, filingIds: readonly string[]): Promise<FilingSnapshotEntity[]> {
    return filingIds.length
      ? db.find(FilingSnapshotEntity, { where: { filingId: In([...filingIds]) }, order: { seq: 'ASC' } })
      : Promise.resolve([]);
  }

  /** The change filing waiting for the province: the latest snapshot. */
  async latestSnapshot(db: EntityManager, filing: FilingEntity): Promise<FilingSnapshotEntity | null> {
    return db.findOne(FilingSnapshotEntity, {
      where: { tenantId: filing.tenantId, filingId: filing.id },
      order: { seq: 'DESC' },
    });
  }

  /**
   * The next number of the year: taken and raised in the transaction that files (the row stays
   * locked until it commits, so concurrent filings queue here, and a rollback gives it back).
   */
  async nextNumber(db: EntityManager, authorityTenantId: string, year: number): Promise<number> {
    const [row] = await db.query<{ last_seq: number }[]>(
      `INSERT INTO filing_counter (tenant_id, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_seq = filing_counter.last_seq + 1
       RETURNING last_seq`,
      [authorityTenantId, year],
    );
    return row!.last_seq;
  }

  timeline(db: EntityManager, filingId: string): Promise<FilingTimelineRow[]> {
    return db.query<FilingTimelineRow[]>(
      'SELECT occurred_at, tenant_id, actor_user_id, actor_name, action, after FROM filing_timeline($1)',
      [filingId],
    );
  }

  async setNational(
    db: EntityManager,
    filing: FilingEntity,
    recommendation: { at: Date | null; opinion: string | null },
  ): Promise<boolean> {
    const result = await db.update(
      FilingEntity,
      { id: filing.id, version: filing.version, state: filing.state },
      {
        nationalRecommendedAt: recommendation.at,
        nationalOpinion: recommendation.opinion,
        version: filing.version + 1,
      },
    );
    return result.affected === 1;
  }

  objections(db: EntityManager, filingIds: readonly string[]): Promise<FilingObjectionEntity[]> {
    return filingIds.length
      ? db.find(FilingObjectionEntity, {
          where: { filingId: In([...filingIds]) },
          order: { receivedOn: 'ASC' },
        })
      : Promise.resolve([]);
  }

  findObjection(db: EntityManager, id: string): Promise<FilingObjectionEntity | null> {
    return isId(id) ? db.findOneBy(FilingObjectionEntity, { id }) : Promise.resolve(null);
  }

  async insertObjection(
    db: EntityManager,
    objection: Pick<
      FilingObjectionEntity,
      'tenantId' | 'filingTenantId' | 'filingId' | 'receivedOn' | 'objector' | 'content' | 'recordedBy'
    >,
  ): Promise<string> {
    const result = await db.insert(FilingObjectionEntity, objection);
    return result.identifiers[0]!.id as string;
  }

  /** Answers the objection if nobody has yet; false when it was answered meanwhile. */
  async answerObjection(
    db: EntityManager,
    id: string,
    answer: string,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(FilingObjectionEntity)
      .set({ answer, answeredAt: at, answeredBy: by })
      .where('id = :id AND answer IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  async openObjections(db: EntityManager, filingId: string): Promise<number> {
    const [row] = await db.query<{ open: number }[]>(
      'SELECT count(*)::int AS open FROM filing_objection WHERE filing_id = $1 AND answer IS NULL',
      [filingId],
    );
    return row?.open ?? 0;
  }

  /** The name of each tenant (the filing city shown to the province). */
  async tenantNames(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await db.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM tenant WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
