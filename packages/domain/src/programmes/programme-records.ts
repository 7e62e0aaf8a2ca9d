import { PILOT_STATUS_LABELS, type PilotStatus } from '../alliances/alliance-lifecycle.js';
import {
  booleanOrNull,
  listOf,
  numberOrNull,
  objectOf,
  objectOrNull,
  oneOf,
  textOrNull,
} from '../applications/stored-json.js';
import type { ReviewCriterion } from '../measures/measures-parameters.js';
import { isFen } from '../money/fen.js';
import type { AgreementIpTerms, BenefitShare, ProjectIpTerms } from './ip-terms.js';
import type { PriorInvestment } from './prior-investment.js';
import { programmeCriteriaOf } from './programme.js';
import type { ProgrammeApplicationForm, ProjectParticipant } from './programme-application-form.js';
import {
  PROGRAMME_DOCUMENT_KIND_LABELS,
  type ProgrammeDocumentKind,
  type ProgrammeKind,
  programmeKindOf,
} from './programme-kinds.js';

// What the programme application kind stores for the engine: the dossier frozen at submission
// (what the recommending unit, the authority and the experts read, whatever the register says
// later) and the basis of the decision. Parts a row lacks read as null or empty, never as an error.

export type ProgrammeApplicationDossier = {
  /** The day it was frozen (China time). */
  asOf: string | null;
  programme: {
    id: string | null;
    tenantId: string | null;
    kind: ProgrammeKind | null;
    name: string | null;
    year: number | null;
    perProjectCapFen: string | null;
    /** The programme's review criteria and weights at submission (older dossiers have none). */
    criteria: ReviewCriterion[] | null;
  };
  call: { id: string | null; notice: string | null; requiredDocuments: ProgrammeDocumentKind[] };
  alliance: {
    id: string | null;
    tenantId: string | null;
    name: string | null;
    pilotStatus: PilotStatus | null;
    nationalPilot: boolean;
  };
  /** The measures version applied. */
  measures: { id: string | null; tenantId: string | null; versionNo: number | null };
  form: ProgrammeApplicationForm;
  /** The IP clauses of the agreement in effect on `asOf`. */
  agreement: AgreementIpTerms | null;
  priorInvestments: PriorInvestment[];
};

export type ProgrammeDecisionBasis = {
  /** The reason or opinion the decision was taken with. */
  reason: string | null;
  /** The amount awarded (AWARD only). */
  awardFen: string | null;
  /** The verified prior investment, the ratio and the ceiling the award was checked against. */
  verifiedInvestmentFen: string | null;
  matchRatio: { numerator: number; denominator: number } | null;
  supportCeilingFen: string | null;
  reviewTotal: number | null;
  passes: boolean | null;
};

const PILOT_STATUSES = Object.keys(PILOT_STATUS_LABELS) as PilotStatus[];
const DOCUMENT_KINDS = Object.keys(PROGRAMME_DOCUMENT_KIND_LABELS) as ProgrammeDocumentKind[];

const text = (value: unknown) => textOrNull(value) ?? '';

/** A stored amount of fen, or null when it is not one. */
export function fenOrNull(value: unknown): string | null {
  return typeof value === 'string' && isFen(value) ? value : null;
}

function documentKinds(value: unknown): ProgrammeDocumentKind[] {
  return listOf(value).flatMap((k) => {
    const kind = oneOf(DOCUMENT_KINDS, k);
    return kind ? [kind] : [];
  });
}

export function parseParticipants(value: unknown): ProjectParticipant[] {
  return listOf(value).flatMap((p) => {
    const o = objectOrNull(p);
    const organizationId = o ? textOrNull(o.organizationId) : null;
    return o && organizationId ? [{ organizationId, name: text(o.name), task: text(o.task) }] : [];
  });
}

export function parseIpTerms(value: unknown): ProjectIpTerms {
  const o = objectOf(value);
  return {
    ownership: text(o.ownership),
    licensing: text(o.licensing),
    benefitShares: listOf(o.benefitShares).flatMap((s): BenefitShare[] => {
      const share = objectOrNull(s);
      const organizationId = share ? textOrNull(share.organizationId) : null;
      const basisPoints = share ? numberOrNull(share.basisPoints) : null;
      return share && organizationId && basisPoints !== null
        ? [{ organizationId, name: text(share.name), basisPoints }]
        : [];
    }),
    onDissolution: text(o.onDissolution),
    onMemberExit: text(o.onMemberExit),
  };
}

export function parseUnit(value: unknown): { organizationId: string; name: string } | null {
  const o = objectOrNull(value);
  const organizationId = o ? textOrNull(o.organizationId) : null;
  return o && organizationId ? { organizationId, name: text(o.name) } : null;
}

/** A stored map of text values (sections, particulars); anything but text is dropped. */
export function parseTextMap(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(objectOf(value)).flatMap(([key, s]) => (typeof s === 'string' ? [[key, s]] : [])),
  );
}

function parseForm(value: unknown): ProgrammeApplicationForm {
  const f = objectOf(value);
  return {
    title: text(f.title),
    startOn: text(f.startOn),
    endOn: text(f.endOn),
    requestedSupportFen: fenOrNull(f.requestedSupportFen) ?? '0',
    responsibleUnit: parseUnit(f.responsibleUnit),
    responsiblePerson: text(f.responsiblePerson),
    participants: parseParticipants(f.participants),
    ipTerms: parseIpTerms(f.ipTerms),
    sections: parseTextMap(f.sections),
    particulars: parseTextMap(f.particulars),
    documentKinds: documentKinds(f.documentKinds),
  };
}

function parseAgreement(value: unknown): AgreementIpTerms | null {
  const a = objectOrNull(value);
  if (!a) return null;
  return {
    version: numberOrNull(a.version) ?? 0,
    ownership: text(a.ownership),
    licensing: text(a.licensing),
    benefitSharing: text(a.benefitSharing),
    onDissolution: text(a.onDissolution),
    onMemberExit: text(a.onMemberExit),
  };
}

function parseInvestment(value: unknown): PriorInvestment[] {
  const i = objectOrNull(value);
  const declaredFen = i ? fenOrNull(i.declaredFen) : null;
  if (!i || declaredFen === null) return [];
  const v = objectOrNull(i.verification);
  const verifiedFen = v ? fenOrNull(v.verifiedFen) : null;
  return [
    {
      description: text(i.description),
      declaredFen,
      evidenceDocumentCount: numberOrNull(i.evidenceDocumentCount) ?? 0,
      verification:
        v && verifiedFen !== null
          ? { verifiedFen, reason: textOrNull(v.reason), verifiedOn: text(v.verifiedOn) }
          : null,
    },
  ];
}

export function parseProgrammeApplicationDossier(stored: unknown): ProgrammeApplicationDossier {
  const d = objectOf(stored);
  const programme = objectOf(d.programme);
  const call = objectOf(d.call);
  const alliance = objectOf(d.alliance);
  const measures = objectOf(d.measures);
  return {
    asOf: textOrNull(d.asOf),
    programme: {
      id: textOrNull(programme.id),
      tenantId: textOrNull(programme.tenantId),
      kind: programmeKindOf(programme.kind),
      name: textOrNull(programme.name),
      year: numberOrNull(programme.year),
      perProjectCapFen: fenOrNull(programme.perProjectCapFen),
      criteria: programmeCriteriaOf(programme.criteria),
    },
    call: {
      id: textOrNull(call.id),
      notice: textOrNull(call.notice),
      requiredDocuments: documentKinds(call.requiredDocuments),
    },
    alliance: {
      id: textOrNull(alliance.id),
      tenantId: textOrNull(alliance.tenantId),
      name: textOrNull(alliance.name),
      pilotStatus: oneOf(PILOT_STATUSES, alliance.pilotStatus),
      nationalPilot: alliance.nationalPilot === true,
    },
    measures: {
      id: textOrNull(measures.id),
      tenantId: textOrNull(measures.tenantId),
      versionNo: numberOrNull(measures.versionNo),
    },
    form: parseForm(d.form),
    agreement: parseAgreement(d.agreement),
    priorInvestments: listOf(d.priorInvestments).flatMap(parseInvestment),
  };
}

export function parseProgrammeDecisionBasis(stored: unknown): ProgrammeDecisionBasis | null {
  const value = objectOrNull(stored);
  if (!value) return null;
  const ratio = objectOrNull(value.matchRatio);
  const numerator = ratio ? numberOrNull(ratio.numerator) : null;
  const denominator = ratio ? numberOrNull(ratio.denominator) : null;
  return {
    reason: textOrNull(value.reason),
    awardFen: fenOrNull(value.awardFen),
    verifiedInvestmentFen: fenOrNull(value.verifiedInvestmentFen),
    matchRatio: numerator !== null && denominator !== null ? { numerator, denominator } : null,
    supportCeilingFen: fenOrNull(value.supportCeilingFen),
    reviewTotal: numberOrNull(value.reviewTotal),
    passes: booleanOrNull(value.passes),
  };
}
