import { Injectable } from '@nestjs/common';
import {
  type DocumentKind,
  PILOT_STATE_LABELS,
  PILOT_WORKFLOW,
  type PilotLevel,
  type PilotState,
  statesWhere,
} from '@xiangmeng/domain';
import { type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { isId } from '../../common/access/access';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { AllianceEntity } from '../alliances/alliance.entity';
import { loadSnapshots } from '../alliances/alliance-snapshots';
import { sqlStates } from '../applications/sql-states';
import { DocumentEntity } from '../documents/document.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { PilotApplicationOrder, PilotApplicationScope } from './pilot-application.model';
import { PilotApplicationDocumentEntity, PilotApplicationEntity } from './pilot-application.entity';
import type { AllianceFacts } from './pilot-dossier';

export type PilotApplicationFilter = {
  scope: PilotApplicationScope;
  callId?: string | null;
  states?: PilotState[] | null;
};

export type PilotApplicationPage = {
  first: number;
  offset: number;
  orderBy: PilotApplicationOrder;
  descending: boolean;
};

// What each order sorts by. Names as Chinese readers sort them (pinyin), cities in the division
// codes' order, states in the order an application passes through them.
const ORDER_BY: Record<PilotApplicationOrder, string> = {
  CREATED_AT: 'a.created_at',
  ALLIANCE_NAME: `coalesce(a.dossier -> 'alliance' ->> 'name',
                           (SELECT al.name FROM alliance al WHERE al.tenant_id = a.tenant_id AND al.id = a.alliance_id))
                  COLLATE "zh-x-icu"`,
  CITY: '(SELECT t.code FROM tenant t WHERE t.id = a.tenant_id)',
  STATE: 'array_position(CAST(:stateOrder AS text[]), a.state)',
  SUBMITTED_AT: 'a.submitted_at',
  RECOMMENDED_AT: 'a.recommended_at',
};
const PILOT_STATE_ORDER = Object.keys(PILOT_STATE_LABELS);

export type NewPilotApplication = {
  tenantId: string;
  allianceId: string;
  callId: string;
  authorityTenantId: string;
  level: PilotLevel;
  createdBy: string;
};

export type PilotApplicationForm = Pick<
  PilotApplicationEntity,
  | 'goals'
  | 'workPlan'
  | 'budgetFen'
  | 'ownInvestmentFen'
  | 'expectedResults'
  | 'contactName'
  | 'contactPhone'
  | 'feasibilityDocumentId'
>;

export type TimelineRow = {
  occurred_at: Date;
  tenant_id: string;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  after: { state?: string; opinion?: string; reason?: string } | null;
};

export type ConfirmedPilotRow = {
  tenant_id: string;
  /** Null for a pilot the register records without a decision made in the system. */
  application_id: string | null;
  alliance_id: string;
  alliance_tenant_id: string;
  alliance_name: string;
  industry_code: string;
  call_id: string | null;
  level: PilotLevel;
  confirmed_on: string | null;
};

const LAPSED = sqlStates(statesWhere(PILOT_WORKFLOW, 'lapsed'));

/**
 * Every statement of the pilot applications feature, in the caller's transaction (row-level
 * security applies). The alliance, document, organization and industry rows it reads belong to
 * other features; it reads them here, named for what the dossier needs, until they offer the reads.
 */
@Injectable()
export class PilotApplicationsRepository {
  /** Whatever row-level security lets the viewer read. */
  async find(db: EntityManager, id: string): Promise<PilotApplicationEntity | null> {
    return isId(id) ? db.findOneBy(PilotApplicationEntity, { id }) : null;
  }

  /**
   * The applications the filter names, newest first. `withDossier: false` reads of each frozen
   * dossier only what a list shows (the alliance's name and industry, the call), not its members,
   * agreement and Art. 8 check, and no member ids: on the province's list those were most of the
   * bytes read and parsed. Such rows are for showing, not for acting on.
   */
  async list(
    db: EntityManager,
    tenantId: string,
    filter: PilotApplicationFilter,
    read: { withDossier: boolean },
  ): Promise<PilotApplicationEntity[]> {
    const query = this.filtered(db, tenantId, filter);
    if (!query) return [];
    return this.read(db, query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC'), read);
  }

  /** One page of the list in the order asked, newest first among equals, and how many match. */
  async page(
    db: EntityManager,
    tenantId: string,
    filter: PilotApplicationFilter,
    page: PilotApplicationPage,
    read: { withDossier: boolean },
  ): Promise<{ rows: PilotApplicationEntity[]; totalCount: number }> {
    const query = this.filtered(db, tenantId, filter);
    if (!query) return { rows: [], totalCount: 0 };
    const totalCount = await query.clone().getCount();
    const order = ORDER_BY[page.orderBy];
    if (page.orderBy === 'STATE') query.setParameter('stateOrder', PILOT_STATE_ORDER);
    query
      .orderBy(order, page.descending ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset(page.offset)
      .limit(page.first);
    return { rows: await this.read(db, query, read), totalCount };
  }

  private filtered(
    db: EntityManager,
    tenantId: string,
    filter: PilotApplicationFilter,
  ): SelectQueryBuilder<PilotApplicationEntity> | null {
    const query = db.createQueryBuilder(PilotApplicationEntity, 'a');
    if (filter.scope === 'OWN') query.andWhere('a.tenant_id = :me', { me: tenantId });
    if (filter.scope === 'RECEIVED')
      query.andWhere('a.authority_tenant_id = :me AND a.recommended_at IS NOT NULL', { me: tenantId });
    if (filter.callId) {
      if (!isId(filter.callId)) return null;
      query.andWhere('a.call_id = :callId', { callId: filter.callId });
    }
    if (filter.states?.length) query.andWhere('a.state IN (:...states)', { states: filter.states });
    return query;
  }

  private async read(
    db: EntityManager,
    query: SelectQueryBuilder<PilotApplicationEntity>,
    { withDossier }: { withDossier: boolean },
  ): Promise<PilotApplicationEntity[]> {
    if (withDossier) return query.getMany();
    const columns = db.connection
      .getMetadata(PilotApplicationEntity)
      .columns.filter((c) => c.propertyName !== 'dossier' && c.propertyName !== 'memberOrganizationIds')
      .map((c) => `a.${c.propertyName}`);
    const { entities, raw } = await query
      .select(columns)
      .addSelect(
        `CASE WHEN a.dossier IS NOT NULL THEN jsonb_build_object(
           'alliance', jsonb_build_object('name', a.dossier -> 'alliance' -> 'name',
                                          'industryCode', a.dossier -> 'alliance' -> 'industryCode'),
           'call', a.dossier -> 'call') END`,
        'dossier_summary',
      )
      .getRawAndEntities<{ a_id: string; dossier_summary: unknown }>();
    const summaries = new Map(raw.map((r) => [r.a_id, r.dossier_summary]));
    return entities.map((entity) => {
      const summary = summaries.get(entity.id);
      return Object.assign(entity, {
        dossier: summary ? PILOT_WORKFLOW.parseDossier(summary) : null,
        memberOrganizationIds: [],
      });
    });
  }

  /**
   * Inserts a draft; null when the alliance already has a live application to the call (checked
   * first, and held by the database's unique index against a concurrent insert).
   */
  async insertDraft(db: EntityManager, draft: NewPilotApplication): Promise<string | null> {
    const live = await db.query<{ id: string }[]>(
      `SELECT id FROM pilot_application WHERE tenant_id = $1 AND call_id = $2 AND alliance_id = $3
          AND state NOT IN ${LAPSED}`,
      [draft.tenantId, draft.callId, draft.allianceId],
    );
    if (live.length) return null;
    try {
      const rows = await db.query<{ id: string }[]>(
        `INSERT INTO pilot_application (tenant_id, alliance_id, call_id, authority_tenant_id, recommending_tenant_id,
                                        level, created_by)
         VALUES ($1, $2, $3, $4, $1, $5, $6) RETURNING id`,
        [
          draft.tenantId,
          draft.allianceId,
          draft.callId,
          draft.authorityTenantId,
          draft.level,
          draft.createdBy,
        ],
      );
      return rows[0]!.id;
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  /** Writes the form if the application is still in `state` at `version`; false when it is not. */
  async updateForm(
    db: EntityManager,
    id: string,
    state: PilotState,
    version: number,
    form: PilotApplicationForm,
  ): Promise<boolean> {
    const result = await db.update(
      PilotApplicationEntity,
      { id, state, version },
      { ...form, version: version + 1 },
    );
    return result.affected === 1;
  }

  /** The dossier's documents become exactly `documentIds` (every one an attachment row). */
  async replaceDocuments(
    db: EntityManager,
    application: { id: string; tenantId: string },
    documentIds: readonly string[],
  ): Promise<void> {
    await db.delete(PilotApplicationDocumentEntity, {
      tenantId: application.tenantId,
      applicationId: application.id,
    });
    for (const documentId of documentIds) {
      await db.insert(PilotApplicationDocumentEntity, {
        tenantId: application.tenantId,
        applicationId: application.id,
        documentId,
      });
    }
  }

  /** The kinds of document attached to the application's dossier. */
  async attachedDocumentKinds(
    db: EntityManager,
    application: { id: string; tenantId: string },
  ): Promise<DocumentKind[]> {
    const rows = await db.query<{ kind: DocumentKind }[]>(
      `SELECT DISTINCT d.kind FROM pilot_application_document a
         JOIN document d ON d.tenant_id = a.tenant_id AND d.id = a.document_id
        WHERE a.tenant_id = $1 AND a.application_id = $2`,
      [application.tenantId, application.id],
    );
    return rows.map((r) => r.kind);
  }

  /** The documents of each application, in the order attached. */
  async documentsOf(db: EntityManager, applicationIds: readonly string[]): Promise<DocumentEntity[][]> {
    const rows = await db.findBy(PilotApplicationDocumentEntity, { applicationId: In([...applicationIds]) });
    const documents = rows.length
      ? await db.findBy(DocumentEntity, { id: In(rows.map((r) => r.documentId)) })
      : [];
    return applicationIds.map((id) =>
      rows
        .filter((r) => r.applicationId === id)
        .sort((a, b) => a.attachedAt.getTime() - b.attachedAt.getTime())
        .flatMap((r) => documents.filter((d) => d.id === r.documentId)),
    );
  }

  /** The application's history as the viewer may read it (the SQL function answers experts nothing). */
  timeline(db: EntityManager, applicationId: string): Promise<TimelineRow[]> {
    return db.query<TimelineRow[]>(
      'SELECT occurred_at, tenant_id, actor_user_id, actor_name, action, after FROM pilot_application_timeline($1)',
      [applicationId],
    );
  }

  /** The published lists of confirmed pilots the viewer reads: its own tier's, then its parent's. */
  /**
   * The lists of pilots a tier sees: its own city pilots as its register tags them (the same
   * source as 联盟名录's tag, so a pilot entered in the register before the system, with no
   * decision in it, is listed too), and the provincial pilots from the province's public list.
   */
  confirmedPilots(db: EntityManager, tenantId: string): Promise<ConfirmedPilotRow[]> {
    return db.query<ConfirmedPilotRow[]>(
      `SELECT x.* FROM (
         SELECT p.tenant_id, p.application_id, p.alliance_id, p.alliance_tenant_id, p.alliance_name, p.industry_code,
                p.call_id, p.level, to_char(p.confirmed_on, 'YYYY-MM-DD') AS confirmed_on
           FROM confirmed_pilot p
          WHERE p.level = 'PROVINCIAL'
         UNION ALL
         SELECT a.tenant_id, a.pilot_application_id, a.id, a.tenant_id, a.name, a.industry_code,
                a.pilot_call_id, 'CITY', to_char(a.pilot_since, 'YYYY-MM-DD')
           FROM alliance a
          WHERE a.tenant_id = $1 AND a.pilot_status = 'CITY_PILOT'
       ) x JOIN tenant t ON t.id = x.tenant_id
        ORDER BY t.level DESC, x.confirmed_on DESC NULLS LAST, x.alliance_name`,
      [tenantId],
    );
  }

  // Other features' rows, as the applications read them.

  /** An alliance of the viewer's own tenant (the one an application is drafted for). */
  async ownAlliance(db: EntityManager, tenantId: string, id: string): Promise<AllianceEntity | null> {
    return isId(id) ? db.findOneBy(AllianceEntity, { id, tenantId }) : null;
  }

  alliancesByIds(db: EntityManager, ids: readonly string[]): Promise<AllianceEntity[]> {
    return db.findBy(AllianceEntity, { id: In(ids.filter(isId)) });
  }

  /** The alliance as the register holds it now, with what the Art. 8 check reads. */
  async allianceFacts(db: EntityManager, allianceId: string): Promise<AllianceFacts | null> {
    const alliance = await db.findOneBy(AllianceEntity, { id: allianceId });
    if (!alliance) return null;
    const snapshot = (await loadSnapshots(db, [alliance])).get(alliance.id);
    return snapshot ? { alliance, snapshot } : null;
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
    return ids.length ? db.findBy(OrganizationEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }
}
