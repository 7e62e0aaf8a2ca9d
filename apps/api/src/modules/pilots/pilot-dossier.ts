import {
  agreementInEffect,
  checkFoundingConditions,
  currentMembers,
  type FoundingCheck,
  type MeasuresParameters,
} from '@xiangmeng/domain';
import { type EntityManager, In } from 'typeorm';
import { AllianceEntity } from '../alliances/alliance.entity';
import { loadSnapshots, type StoredSnapshot } from '../alliances/alliance-snapshots';
import type { CallMeasures } from '../calls/call-measures.service';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import { IndustryEntity } from '../industries/industry.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

export type AllianceFacts = { alliance: AllianceEntity; snapshot: StoredSnapshot };

/** The alliance as the register holds it now (read as its home tier). */
export async function allianceFacts(db: EntityManager, allianceId: string): Promise<AllianceFacts | null> {
  const alliance = await db.findOneBy(AllianceEntity, { id: allianceId });
  if (!alliance) return null;
  const snapshot = (await loadSnapshots(db, [alliance])).get(alliance.id);
  return snapshot ? { alliance, snapshot } : null;
}

/** Art. 8 under the measures the call applies, on a date. */
export function foundingCheckUnder(
  facts: AllianceFacts,
  parameters: MeasuresParameters,
  asOf: string,
): FoundingCheck {
  return checkFoundingConditions(facts.snapshot, parameters, asOf);
}

/**
 * The dossier as submitted: what the recommender, the authority and the experts read, whatever
 * the register says later. Holds the call too: an expert account reads no calls.
 */
export async function buildDossier(
  db: EntityManager,
  facts: AllianceFacts,
  check: FoundingCheck,
  call: PilotCallEntity,
  measures: CallMeasures,
  asOf: string,
): Promise<{ dossier: Record<string, unknown>; memberOrganizationIds: string[] }> {
  const { alliance, snapshot } = facts;
  const members = currentMembers(snapshot.members, asOf);
  const organizations = members.length
    ? await db.findBy(OrganizationEntity, { id: In(members.map((m) => m.organizationId)) })
    : [];
  const industry = await db.findOneBy(IndustryEntity, { code: alliance.industryCode });
  const agreement = agreementInEffect(snapshot, asOf);
  const dossier = {
    asOf,
    alliance: {
      id: alliance.id,
      tenantId: alliance.tenantId,
      name: alliance.name,
      industryCode: alliance.industryCode,
      industryName: industry?.name ?? null,
      foundedOn: alliance.foundedOn,
      establishedOn: alliance.establishedOn,
      objectives: alliance.objectives,
      liableEntity: alliance.liableEntity,
      executiveFullTimeStaff: alliance.executiveFullTimeStaff,
      governanceBodies: snapshot.governance.bodies,
    },
    members: members.map((m) => {
      const organization = organizations.find((o) => o.id === m.organizationId);
      return {
        organizationId: m.organizationId,
        name: organization?.name ?? m.name,
        type: organization?.type ?? m.type,
        creditCode: organization?.creditCode ?? null,
        role: m.role,
        industryBackbone: m.industryBackbone,
        joinedOn: m.joinedOn,
      };
    }),
    agreement,
    foundingCheck: check,
    measures: { id: measures.measuresId, tenantId: call.measuresTenantId, versionNo: measures.versionNo },
    call: {
      id: call.id,
      tenantId: call.tenantId,
      title: call.title,
      description: call.description,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      recommendBy: call.recommendBy.toISOString(),
      decideBy: call.decideBy.toISOString(),
      measuresTenantId: call.measuresTenantId,
      measuresId: call.measuresId,
      measuresVersionNo: call.measuresVersionNo,
      requiredDocuments: call.requiredDocuments,
      publishedAt: call.publishedAt?.toISOString() ?? null,
      version: call.version,
    },
  };
  return { dossier, memberOrganizationIds: members.map((m) => m.organizationId) };
}
