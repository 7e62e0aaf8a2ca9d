import {
  type AgreementSnapshot,
  agreementInEffect,
  type AllianceSnapshot,
} from '../alliances/alliance-snapshot.js';
import { checkFoundingConditions } from '../alliances/founding-conditions.js';
import type { MeasuresParameters } from '../measures/measures-parameters.js';
import { canonicalJson, type FilingSnapshot } from './filing-snapshot.js';

export type FilingSnapshotParts = {
  now: Date;
  /** The China calendar date the snapshot describes. */
  asOf: string;
  alliance: FilingSnapshot['alliance'];
  /** The register as it stands: members, agreement versions, governance. */
  register: AllianceSnapshot;
  /** Each member organization's unified social credit code, by organization id. */
  creditCodes: ReadonlyMap<string, string>;
  documents: FilingSnapshot['documents'];
  /** The city's measures in force (its local version over the province's) and which versions they are. */
  parameters: MeasuresParameters;
  measures: FilingSnapshot['measures'];
  pilotDecision: FilingSnapshot['pilotDecision'];
  significance: FilingSnapshot['significance'];
  /** SHA-256 of a text as lowercase hex (the caller's implementation: node:crypto in the API). */
  sha256: (text: string) => string;
};

/** The agreement's content as signed (a stored version's own bookkeeping left out of its hash). */
export function agreementContent(a: AgreementSnapshot): AgreementSnapshot {
  const { version, innovationGoals, tasks, ipTerms, fundRules, openness, signatures } = a;
  return { version, innovationGoals, tasks, ipTerms, fundRules, openness, signatures };
}

/**
 * What a submission freezes: the alliance on the day, its agreement in effect by content hash,
 * governance, the documents by content hash, Art. 8 under the city's measures, and the pilot
 * decision the filing rests on.
 */
export function freezeFilingSnapshot(parts: FilingSnapshotParts): FilingSnapshot {
  const { register, asOf } = parts;
  const agreement = agreementInEffect(register, asOf);
  return {
    takenAt: parts.now.toISOString(),
    asOf,
    alliance: parts.alliance,
    // Field by field: a register's rows may carry more than the member's snapshot.
    members: register.members.map((m) => ({
      organizationId: m.organizationId,
      name: m.name,
      type: m.type,
      industryBackbone: m.industryBackbone,
      role: m.role,
      joinedOn: m.joinedOn,
      exitedOn: m.exitedOn,
      creditCode: parts.creditCodes.get(m.organizationId) ?? '',
    })),
    agreement: agreement
      ? { version: agreement.version, sha256: parts.sha256(canonicalJson(agreementContent(agreement))) }
      : null,
    governance: register.governance,
    documents: parts.documents,
    foundingCheck: checkFoundingConditions(register, parts.parameters, asOf),
    measures: parts.measures,
    pilotDecision: parts.pilotDecision,
    significance: parts.significance,
  };
}
