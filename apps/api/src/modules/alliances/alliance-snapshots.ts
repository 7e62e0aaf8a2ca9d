import type { AgreementSnapshot, AllianceSnapshot, MemberSnapshot } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import type { AllianceEntity } from './alliance.entity';

type MemberRow = {
  alliance_id: string;
  organization_id: string;
  name: string;
  type: MemberSnapshot['type'];
  industry_backbone: boolean;
  role: MemberSnapshot['role'];
  joined_on: string;
  exited_on: string | null;
};

type AgreementRow = {
  id: string;
  alliance_id: string;
  version: number;
  revision: number;
  innovation_goals: string;
  ip_ownership: string;
  ip_licensing: string;
  ip_benefit_sharing: string;
  breach_liability: string;
  ip_on_dissolution: string;
  ip_on_member_exit: string;
  fund_management: string;
  fund_supervision: string;
  new_members_rule: string;
  external_cooperation: string;
  results_diffusion: string;
  scan_document_id: string | null;
  tasks: { organizationId: string; task: string }[];
  signatures: { organizationId: string; signatoryName: string; signedOn: string }[];
};

/**
 * What the Art. 8 check reads, for many alliances in three statements (members, agreements with
 * their tasks and signatures, governance bodies) — constant however many alliances a page holds.
 */
export type StoredAgreement = AgreementSnapshot & {
  id: string;
  scanDocumentId: string | null;
  revision: number;
};
export type StoredSnapshot = AllianceSnapshot & { agreements: StoredAgreement[] };

/** What a snapshot takes from the alliance row itself. */
export type SnapshotSubject = Pick<AllianceEntity, 'id' | 'liableEntity' | 'executiveFullTimeStaff'>;

// The alliances feature reads this through AlliancesRepository.snapshots; it stays a function
// while another feature (pilots' dossier) still calls it directly.
export async function loadSnapshots(
  db: EntityManager,
  alliances: readonly SnapshotSubject[],
): Promise<Map<string, StoredSnapshot>> {
  const ids = alliances.map((a) => a.id);
  const snapshots = new Map<string, StoredSnapshot>(
    alliances.map((a) => [
      a.id,
      {
        members: [],
        agreements: [],
        governance: {
          bodies: [],
          liableEntity: a.liableEntity,
          executiveFullTimeStaff: a.executiveFullTimeStaff,
        },
      },
    ]),
  );
  if (ids.length === 0) return snapshots;
  // One connection per request runs one statement at a time: three queries in turn.
  const members = await db.query<MemberRow[]>(
    `SELECT m.alliance_id, m.organization_id, o.name, o.type, o.industry_backbone, m.role,
              to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(m.exited_on, 'YYYY-MM-DD') AS exited_on
       FROM alliance_member m JOIN organization o ON o.id = m.organization_id
       WHERE m.alliance_id = ANY($1) ORDER BY m.joined_on, o.name`,
    [ids],
  );
  const agreements = await db.query<AgreementRow[]>(
    `SELECT a.id, a.alliance_id, a.version, a.revision, a.innovation_goals, a.ip_ownership, a.ip_licensing, a.ip_benefit_sharing,
              a.breach_liability, a.ip_on_dissolution, a.ip_on_member_exit, a.fund_management, a.fund_supervision, a.new_members_rule, a.external_cooperation,
              a.results_diffusion, a.scan_document_id,
              coalesce((SELECT json_agg(json_build_object('organizationId', t.organization_id, 'task', t.task))
                        FROM agreement_task t WHERE t.tenant_id = a.tenant_id AND t.agreement_id = a.id), '[]') AS tasks,
              coalesce((SELECT json_agg(json_build_object('organizationId', s.organization_id, 'signatoryName', s.signatory_name,
                                                          'signedOn', to_char(s.signed_on, 'YYYY-MM-DD')))
                        FROM agreement_signature s WHERE s.tenant_id = a.tenant_id AND s.agreement_id = a.id), '[]') AS signatures
       FROM alliance_agreement a WHERE a.alliance_id = ANY($1) ORDER BY a.version`,
    [ids],
  );
  const bodies = await db.query<
    { alliance_id: string; kind: AllianceSnapshot['governance']['bodies'][number]['kind']; name: string }[]
  >('SELECT alliance_id, kind, name FROM governance_body WHERE alliance_id = ANY($1)', [ids]);
  for (const m of members) {
    snapshots.get(m.alliance_id)?.members.push({
      organizationId: m.organization_id,
      name: m.name,
      type: m.type,
      industryBackbone: m.industry_backbone,
      role: m.role,
      joinedOn: m.joined_on,
      exitedOn: m.exited_on,
    });
  }
  for (const a of agreements) {
    const agreement: StoredAgreement = {
      id: a.id,
      scanDocumentId: a.scan_document_id,
      revision: a.revision,
      version: a.version,
      innovationGoals: a.innovation_goals,
      tasks: a.tasks,
      ipTerms: {
        ownership: a.ip_ownership,
        licensing: a.ip_licensing,
        benefitSharing: a.ip_benefit_sharing,
        breachLiability: a.breach_liability,
        onDissolution: a.ip_on_dissolution,
        onMemberExit: a.ip_on_member_exit,
      },
      fundRules: { management: a.fund_management, supervision: a.fund_supervision },
      openness: {
        newMembers: a.new_members_rule,
        externalCooperation: a.external_cooperation,
        resultsDiffusion: a.results_diffusion,
      },
      signatures: a.signatures,
    };
    snapshots.get(a.alliance_id)?.agreements.push(agreement);
  }
  for (const b of bodies)
    snapshots.get(b.alliance_id)?.governance.bodies.push({ kind: b.kind, name: b.name });
  return snapshots;
}
