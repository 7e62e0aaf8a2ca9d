import {
  type AgreementSnapshot,
  MEMBER_ROLE_LABELS,
  type MemberRole,
} from '../alliances/alliance-snapshot.js';
import {
  type ConditionResult,
  FOUNDING_CONDITION_INFO,
  FOUNDING_CONDITIONS,
  type FoundingCheck,
} from '../alliances/founding-conditions.js';
import {
  listOf,
  numberOrNull,
  objectOf,
  objectOrNull,
  oneOf,
  textOrNull,
} from '../applications/stored-json.js';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../documents/document-file.js';
import { ORGANIZATION_TYPES, type OrganizationType } from '../organizations/organization-type.js';

// The dossier of a pilot application, frozen at submission: what the recommending unit, the
// authority and the experts read, whatever the register says later. Parts a row written by an
// older version (or a test fixture) lacks read as null or empty, never as an error.

export type PilotDossierMember = {
  organizationId: string | null;
  name: string;
  type: OrganizationType | null;
  creditCode: string | null;
  role: MemberRole | null;
  industryBackbone: boolean;
  joinedOn: string | null;
};

export type PilotDossierAlliance = {
  id: string | null;
  tenantId: string | null;
  name: string | null;
  industryCode: string | null;
  industryName: string | null;
  foundedOn: string | null;
  establishedOn: string | null;
  objectives: string | null;
  liableEntity: string | null;
  executiveFullTimeStaff: number | null;
  governanceBodies: { kind: string; name: string }[];
};

/** The call as published, kept for readers who may not read calls (an expert account). */
export type PilotDossierCall = {
  id: string;
  tenantId: string;
  title: string;
  description: string;
  /** ISO date-times. */
  opensAt: string;
  closesAt: string;
  recommendBy: string;
  decideBy: string;
  measuresTenantId: string;
  measuresId: string;
  measuresVersionNo: number;
  requiredDocuments: DocumentKind[];
  publishedAt: string | null;
  version: number;
};

export type PilotDossier = {
  /** The day it was frozen (China time, YYYY-MM-DD). */
  asOf: string | null;
  alliance: PilotDossierAlliance;
  members: PilotDossierMember[];
  /** The agreement in effect on `asOf`, if any. */
  agreement: AgreementSnapshot | null;
  /** Art. 8 on `asOf` under the call's measures. */
  foundingCheck: FoundingCheck | null;
  /** The measures version the call applies. */
  measures: { id: string; tenantId: string; versionNo: number | null } | null;
  call: PilotDossierCall | null;
};

const ROLES = Object.keys(MEMBER_ROLE_LABELS) as MemberRole[];
const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

const text = (value: unknown) => textOrNull(value) ?? '';

function parseAlliance(value: unknown): PilotDossierAlliance {
  const a = objectOf(value);
  // Older rows named the industry as {code, name}.
  const industry = objectOf(a.industry);
  return {
    id: textOrNull(a.id),
    tenantId: textOrNull(a.tenantId),
    name: textOrNull(a.name),
    industryCode: textOrNull(a.industryCode) ?? textOrNull(industry.code),
    industryName: textOrNull(a.industryName) ?? textOrNull(industry.name),
    foundedOn: textOrNull(a.foundedOn),
    establishedOn: textOrNull(a.establishedOn),
    objectives: textOrNull(a.objectives),
    liableEntity: textOrNull(a.liableEntity),
    executiveFullTimeStaff: numberOrNull(a.executiveFullTimeStaff),
    governanceBodies: listOf(a.governanceBodies).flatMap((body) => {
      const b = objectOf(body);
      const name = textOrNull(b.name);
      return name ? [{ kind: text(b.kind), name }] : [];
    }),
  };
}

function parseMember(value: unknown): PilotDossierMember[] {
  const m = objectOrNull(value);
  if (!m) return [];
  // Older rows nested the organization's own fields.
  const organization = objectOf(m.organization);
  return [
    {
      organizationId: textOrNull(m.organizationId) ?? textOrNull(m.id) ?? textOrNull(organization.id),
      name: textOrNull(m.name) ?? text(organization.name),
      type: oneOf(ORGANIZATION_TYPES, m.type) ?? oneOf(ORGANIZATION_TYPES, organization.type),
      creditCode: textOrNull(m.creditCode) ?? textOrNull(organization.creditCode),
      role: oneOf(ROLES, m.role),
      industryBackbone: m.industryBackbone === true,
      joinedOn: textOrNull(m.joinedOn),
    },
  ];
}

function parseAgreement(value: unknown): AgreementSnapshot | null {
  const a = objectOrNull(value);
  if (!a) return null;
  const ip = objectOf(a.ipTerms);
  const funds = objectOf(a.fundRules);
  const openness = objectOf(a.openness);
  return {
    version: numberOrNull(a.version) ?? 0,
    innovationGoals: text(a.innovationGoals),
    tasks: listOf(a.tasks).map((t) => ({
      organizationId: text(objectOf(t).organizationId),
      task: text(objectOf(t).task),
    })),
    ipTerms: {
      ownership: text(ip.ownership),
      licensing: text(ip.licensing),
      benefitSharing: text(ip.benefitSharing),
      breachLiability: text(ip.breachLiability),
      onDissolution: text(ip.onDissolution),
      onMemberExit: text(ip.onMemberExit),
    },
    fundRules: { management: text(funds.management), supervision: text(funds.supervision) },
    openness: {
      newMembers: text(openness.newMembers),
      externalCooperation: text(openness.externalCooperation),
      resultsDiffusion: text(openness.resultsDiffusion),
    },
    signatures: listOf(a.signatures).map((s) => ({
      organizationId: text(objectOf(s).organizationId),
      signatoryName: text(objectOf(s).signatoryName),
      signedOn: text(objectOf(s).signedOn),
    })),
  };
}

function parseCondition(value: unknown): ConditionResult[] {
  const c = objectOf(value);
  const condition = oneOf(FOUNDING_CONDITIONS, c.condition);
  if (!condition) return [];
  const info = FOUNDING_CONDITION_INFO[condition];
  return [
    {
      condition,
      article: textOrNull(c.article) ?? info.article,
      title: textOrNull(c.title) ?? info.title,
      holds: c.holds === true,
      // Reasons were once plain strings.
      reasons: listOf(c.reasons).flatMap((r) => {
        const reason = objectOrNull(r);
        const message = reason ? textOrNull(reason.message) : textOrNull(r);
        if (!message) return [];
        const organizationId = reason ? textOrNull(reason.organizationId) : null;
        return [{ code: text(reason?.code), message, ...(organizationId ? { organizationId } : {}) }];
      }),
      dependsOn: oneOf(FOUNDING_CONDITIONS, c.dependsOn),
    },
  ];
}

function parseFoundingCheck(value: unknown, asOf: string | null): FoundingCheck | null {
  const c = objectOrNull(value);
  if (!c) return null;
  return {
    asOf: textOrNull(c.asOf) ?? asOf ?? '',
    allHold: c.allHold === true,
    agreementVersionInEffect: numberOrNull(c.agreementVersionInEffect),
    conditions: listOf(c.conditions).flatMap(parseCondition),
    rootCauses: listOf(c.rootCauses).flatMap((r) => {
      const condition = oneOf(FOUNDING_CONDITIONS, r);
      return condition ? [condition] : [];
    }),
  };
}

function parseMeasures(value: unknown): PilotDossier['measures'] {
  const m = objectOf(value);
  const id = textOrNull(m.id);
  const tenantId = textOrNull(m.tenantId);
  return id && tenantId ? { id, tenantId, versionNo: numberOrNull(m.versionNo) } : null;
}

function parseCall(value: unknown): PilotDossierCall | null {
  const c = objectOf(value);
  const required = {
    id: textOrNull(c.id),
    tenantId: textOrNull(c.tenantId),
    title: textOrNull(c.title),
    opensAt: textOrNull(c.opensAt),
    closesAt: textOrNull(c.closesAt),
    recommendBy: textOrNull(c.recommendBy),
    decideBy: textOrNull(c.decideBy),
    measuresTenantId: textOrNull(c.measuresTenantId),
    measuresId: textOrNull(c.measuresId),
  };
  // A call without its identity or its dates cannot stand in for the call.
  if (Object.values(required).some((v) => v === null)) return null;
  const known = required as { [K in keyof typeof required]: string };
  return {
    ...known,
    description: text(c.description),
    measuresVersionNo: numberOrNull(c.measuresVersionNo) ?? 0,
    requiredDocuments: listOf(c.requiredDocuments).flatMap((k) => {
      const kind = oneOf(DOCUMENT_KINDS, k);
      return kind ? [kind] : [];
    }),
    publishedAt: textOrNull(c.publishedAt),
    version: numberOrNull(c.version) ?? 1,
  };
}

/** The dossier as stored (JSON), read into its type; whatever a row lacks reads as null or empty. */
export function parsePilotDossier(value: unknown): PilotDossier {
  const d = objectOf(value);
  const asOf = textOrNull(d.asOf);
  return {
    asOf,
    alliance: parseAlliance(d.alliance),
    members: listOf(d.members).flatMap(parseMember),
    agreement: parseAgreement(d.agreement),
    foundingCheck: parseFoundingCheck(d.foundingCheck, asOf),
    measures: parseMeasures(d.measures),
    call: parseCall(d.call),
  };
}
