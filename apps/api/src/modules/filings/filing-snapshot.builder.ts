import { createHash } from 'node:crypto';
import { type FilingSnapshot, freezeFilingSnapshot, type SignificanceLevel } from '@xiangmeng/domain';
import type { AllianceEntity } from '../alliances/alliance.entity';
import type { StoredSnapshot } from '../alliances/alliance-snapshots';
import type { MeasuresInForce } from '../measures/measures.service';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { AttachedDocument, PilotDecisionRow } from './filings.repository';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The register's rows as the domain's freeze reads them (filing-freeze.ts holds what is frozen). */
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
  const { alliance, measures } = parts;
  const ref = (m: MeasuresInForce['province']) => ({
    id: m.id,
    versionNo: m.versionNo,
    documentNumber: m.documentNumber,
  });
  return freezeFilingSnapshot({
    now: parts.now,
    asOf: parts.asOf,
    alliance: {
      id: alliance.id,
      name: alliance.name,
      industryCode: alliance.industryCode,
      tenantId: alliance.tenantId,
      status: alliance.status,
      pilotStatus: alliance.pilotStatus,
    },
    register: parts.register,
    creditCodes: new Map(parts.organizations.map((o) => [o.id, o.creditCode])),
    documents: parts.documents.map(({ documentId, kind, name, sha256, size }) => ({
      documentId,
      kind,
      name,
      sha256,
      size,
    })),
    parameters: measures.parameters,
    measures: { province: ref(measures.province), local: measures.local ? ref(measures.local) : null },
    pilotDecision: parts.pilotDecision,
    significance: parts.significance,
    sha256: sha256Hex,
  });
}
