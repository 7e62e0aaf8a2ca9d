import { createHash } from 'node:crypto';
import {
  agreementInEffect,
  canonicalJson,
  checkFoundingConditions,
  type FilingSnapshot,
  type SignificanceLevel,
} from '@xiangmeng/domain';
import type { AllianceEntity } from '../alliances/alliance.entity';
import type { StoredSnapshot } from '../alliances/alliance-snapshots';
import type { MeasuresInForce } from '../measures/measures.service';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { AttachedDocument, PilotDecisionRow } from './filings.repository';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * What a submission freezes: the alliance as the register holds it on the day, its agreement in
 * effect by content hash, governance, the documents by content hash, Art. 8 under the city's
 * measures, and the pilot decision the filing rests on.
 */
export function buildFilingSnapshot(parts: {
  now: Date;
  asOf: string;
  alliance: AllianceEntity;
  register: StoredSnapshot;
  organizations: readonly OrganizationEntity[];
  documents: readonly AttachedDocument[];
  measures: MeasuresInForce;
  pilotDecision: PilotDecisionRow;
  significance: { statement: string; level: SignificanceLevel };
}): FilingSnapshot {
  const { alliance, register, measures, pilotDecision } = parts;
  const agreement = agreementInEffect(register, parts.asOf);
  const ref = (m: MeasuresInForce['province']) => ({
    id: m.id,
    versionNo: m.versionNo,
    documentNumber: m.documentNumber,
  });
  return {
    takenAt: parts.now.toISOString(),
    asOf: parts.asOf,
    alliance: {
      id: alliance.id,
      name: alliance.name,
      industryCode: alliance.industryCode,
      tenantId: alliance.tenantId,
      status: alliance.status,
      pilotStatus: alliance.pilotStatus,
    },
    members: register.members.map((m) => ({
      ...m,
      creditCode: parts.organizations.find((o) => o.id === m.organizationId)?.creditCode ?? '',
    })),
    agreement: agreement
      ? {
          version: agreement.version,
          sha256: sha256Hex(
            canonicalJson({
              version: agreement.version,
              innovationGoals: agreement.innovationGoals,
              tasks: agreement.tasks,
              ipTerms: agreement.ipTerms,
              fundRules: agreement.fundRules,
              openness: agreement.openness,
              signatures: agreement.signatures,
            }),
          ),
        }
      : null,
    governance: register.governance,
    documents: parts.documents.map((d) => ({
      documentId: d.documentId,
      kind: d.kind,
      name: d.name,
      sha256: d.sha256,
      size: d.size,
    })),
    foundingCheck: checkFoundingConditions(register, measures.parameters, parts.asOf),
    measures: { province: ref(measures.province), local: measures.local ? ref(measures.local) : null },
    pilotDecision: {
      level: pilotDecision.level,
      authorityTenantId: pilotDecision.authorityTenantId,
      recommendingTenantId: pilotDecision.recommendingTenantId,
      decidedOn: pilotDecision.decidedOn,
      pilotApplicationId: pilotDecision.pilotApplicationId,
      reason: pilotDecision.reason,
      basis: pilotDecision.basis,
    },
    significance: parts.significance,
  };
}
