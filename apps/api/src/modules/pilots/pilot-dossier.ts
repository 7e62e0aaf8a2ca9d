import {
  agreementInEffect,
  checkFoundingConditions,
  currentMembers,
  type FoundingCheck,
  type MeasuresParameters,
  type PilotDossier,
} from '@xiangmeng/domain';
import type { AllianceEntity } from '../alliances/alliance.entity';
import type { StoredSnapshot } from '../alliances/alliance-snapshots';
import type { CallMeasures } from '../calls/call-measures.service';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import type { OrganizationEntity } from '../organizations/organization.entity';

export type AllianceFacts = { alliance: AllianceEntity; snapshot: StoredSnapshot };

/** Art. 8 under the measures the call applies, on a date. */
export function foundingCheckUnder(
  facts: AllianceFacts,
  parameters: MeasuresParameters,
  asOf: string,
): FoundingCheck {
  return checkFoundingConditions(facts.snapshot, parameters, asOf);
}

/** The members on the roll on the day of submission: the organizations the dossier names. */
export function dossierMemberIds(facts: AllianceFacts, asOf: string): string[] {
  return currentMembers(facts.snapshot.members, asOf).map((m) => m.organizationId);
}

/**
 * The dossier as submitted: what the recommender, the authority and the experts read, whatever
 * the register says later. Holds the call too: an expert account reads no calls.
 */
export function buildDossier(parts: {
  facts: AllianceFacts;
  check: FoundingCheck;
  call: PilotCallEntity;
  measures: CallMeasures;
  asOf: string;
  organizations: readonly OrganizationEntity[];
  industryName: string | null;
}): PilotDossier {
  const { facts, check, call, measures, asOf, organizations, industryName } = parts;
  const { alliance, snapshot } = facts;
  return {
    asOf,
    alliance: {
      id: alliance.id,
      tenantId: alliance.tenantId,
      name: alliance.name,
      industryCode: alliance.industryCode,
      industryName,
      foundedOn: alliance.foundedOn,
      establishedOn: alliance.establishedOn,
      objectives: alliance.objectives,
      liableEntity: alliance.liableEntity,
      executiveFullTimeStaff: alliance.executiveFullTimeStaff,
      governanceBodies: snapshot.governance.bodies,
    },
    members: currentMembers(snapshot.members, asOf).map((m) => {
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
    agreement: agreementInEffect(snapshot, asOf),
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
}
