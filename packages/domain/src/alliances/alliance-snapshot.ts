import type { GovernanceBodyKind } from '../measures/measures-parameters.js';
import type { OrganizationType } from '../organizations/organization-type.js';

// What the Art. 8 check reads of an alliance: plain data, assembled by the API from the register.
// Dates of legal effect are calendar dates in China Standard Time, written YYYY-MM-DD.

export const MemberRole = { CHAIR: 'CHAIR', VICE_CHAIR: 'VICE_CHAIR', MEMBER: 'MEMBER' } as const;
export type MemberRole = (typeof MemberRole)[keyof typeof MemberRole];

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  CHAIR: '理事长单位',
  VICE_CHAIR: '副理事长单位',
  MEMBER: '成员单位',
};

export type MemberSnapshot = {
  organizationId: string;
  name: string;
  type: OrganizationType;
  industryBackbone: boolean;
  role: MemberRole;
  joinedOn: string;
  exitedOn: string | null;
};

export type AgreementSnapshot = {
  version: number;
  innovationGoals: string;
  tasks: { organizationId: string; task: string }[];
  ipTerms: {
    ownership: string;
    licensing: string;
    benefitSharing: string;
    breachLiability: string;
    /** How IP is handled when the alliance dissolves and when a member leaves (Art. 20(2)). */
    onDissolution: string;
    onMemberExit: string;
  };
  fundRules: { management: string; supervision: string };
  openness: { newMembers: string; externalCooperation: string; resultsDiffusion: string };
  signatures: { organizationId: string; signatoryName: string; signedOn: string }[];
};

export type GovernanceSnapshot = {
  bodies: { kind: GovernanceBodyKind; name: string }[];
  liableEntity: string | null;
  executiveFullTimeStaff: number;
};

export type AllianceSnapshot = {
  members: MemberSnapshot[];
  agreements: AgreementSnapshot[];
  governance: GovernanceSnapshot;
};

/** Members on the roll on a date: joined on or before it, not exited by it. */
export function currentMembers(members: readonly MemberSnapshot[], asOf: string): MemberSnapshot[] {
  return members.filter((m) => m.joinedOn <= asOf && (m.exitedOn === null || m.exitedOn > asOf));
}

/**
 * The agreement in effect on a date: the latest version that every current member's legal
 * representative had signed by then (Art. 8(2)). A member joining makes a new version necessary.
 */
export function agreementInEffect(snapshot: AllianceSnapshot, asOf: string): AgreementSnapshot | null {
  const members = currentMembers(snapshot.members, asOf);
  if (members.length === 0) return null;
  const signedByAll = snapshot.agreements.filter((agreement) =>
    members.every((m) =>
      agreement.signatures.some((s) => s.organizationId === m.organizationId && s.signedOn <= asOf),
    ),
  );
  return signedByAll.reduce<AgreementSnapshot | null>(
    (latest, a) => (latest === null || a.version > latest.version ? a : latest),
    null,
  );
}
