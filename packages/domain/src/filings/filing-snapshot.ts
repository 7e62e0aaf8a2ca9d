import type { AllianceStatus, PilotStatus } from '../alliances/alliance-lifecycle.js';
import {
  currentMembers,
  type GovernanceSnapshot,
  MEMBER_ROLE_LABELS,
  type MemberSnapshot,
} from '../alliances/alliance-snapshot.js';
import { FOUNDING_CONDITION_INFO, type FoundingCheck } from '../alliances/founding-conditions.js';
import { GOVERNANCE_BODY_LABELS } from '../measures/measures-parameters.js';
import { PILOT_LEVEL_LABELS } from '../pilots/pilot-labels.js';
import type { PilotDecisionFact, SignificanceLevel } from './filing-eligibility.js';
import { FILING_DOCUMENT_KIND_LABELS, SIGNIFICANCE_LEVEL_LABELS } from './filing-labels.js';
import type { FilingDocumentKind } from './filing-round.js';

// What a submission freezes (the database refuses any change to it afterwards): the alliance as
// filed, its agreement and governance, the documents by content hash, the Art. 8 result under the
// measures that applied, and the pilot decision the filing rests on. A change filing (变更备案)
// freezes a new one and shows what differs from the filed one.

export type FiledMember = MemberSnapshot & { creditCode: string };

/** One version of measures, as every decision records it. */
export type MeasuresVersionRef = { id: string; versionNo: number; documentNumber: string };

export type FilingSnapshot = {
  /** The instant it was frozen (ISO 8601) and the China calendar date it describes. */
  takenAt: string;
  asOf: string;
  alliance: {
    id: string;
    name: string;
    industryCode: string;
    tenantId: string;
    status: AllianceStatus;
    pilotStatus: PilotStatus;
  };
  /** Every member with its dates, exits included; the roll on `asOf` is what was filed. */
  members: FiledMember[];
  /** The agreement in effect on `asOf` (Art. 8(2)) and the SHA-256 of its canonical JSON. */
  agreement: { version: number; sha256: string } | null;
  governance: GovernanceSnapshot;
  documents: { documentId: string; kind: FilingDocumentKind; name: string; sha256: string; size: number }[];
  /** The Art. 8 result under the city's measures (its local version over the province's). */
  foundingCheck: FoundingCheck;
  measures: { province: MeasuresVersionRef; local: MeasuresVersionRef | null };
  pilotDecision: PilotDecisionFact & {
    pilotApplicationId: string;
    reason: string;
    /** The decision's basis as the pilot workflow recorded it (scores, pass mark, measures). */
    basis: Record<string, unknown>;
  };
  significance: { statement: string; level: SignificanceLevel };
};

export const FilingChangeKind = {
  MEMBER_ADDED: 'MEMBER_ADDED',
  MEMBER_REMOVED: 'MEMBER_REMOVED',
  MEMBER_ROLE_CHANGED: 'MEMBER_ROLE_CHANGED',
  AGREEMENT_CHANGED: 'AGREEMENT_CHANGED',
  GOVERNANCE_CHANGED: 'GOVERNANCE_CHANGED',
  DOCUMENT_ADDED: 'DOCUMENT_ADDED',
  DOCUMENT_REMOVED: 'DOCUMENT_REMOVED',
  FOUNDING_CHECK_CHANGED: 'FOUNDING_CHECK_CHANGED',
  PILOT_DECISION_CHANGED: 'PILOT_DECISION_CHANGED',
  SIGNIFICANCE_CHANGED: 'SIGNIFICANCE_CHANGED',
} as const;
export type FilingChangeKind = (typeof FilingChangeKind)[keyof typeof FilingChangeKind];

/** One difference; `subject` names what changed (an organization, a document hash, a field). */
export type FilingChange = { kind: FilingChangeKind; subject: string; description: string };

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

const short = (sha256: string) => `${sha256.slice(0, 8)}…`;

/**
 * JSON with object keys sorted at every level, so equal content hashes equally whatever order
 * it was assembled in (the agreement's SHA-256 is taken over this).
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function memberChanges(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  const before = currentMembers(filed.members, filed.asOf);
  const after = currentMembers(changed.members, changed.asOf);
  const changes: FilingChange[] = [];
  for (const m of after) {
    const was = before.find((b) => b.organizationId === m.organizationId);
    if (!was)
      changes.push({
        kind: 'MEMBER_ADDED',
        subject: m.organizationId,
        description: `新增${MEMBER_ROLE_LABELS[m.role]}：${m.name}（${m.joinedOn} 加入）`,
      });
    else if (was.role !== m.role)
      changes.push({
        kind: 'MEMBER_ROLE_CHANGED',
        subject: m.organizationId,
        description: `${m.name}由${MEMBER_ROLE_LABELS[was.role]}改为${MEMBER_ROLE_LABELS[m.role]}`,
      });
  }
  for (const m of before) {
    if (after.some((a) => a.organizationId === m.organizationId)) continue;
    const exitedOn = changed.members.find((c) => c.organizationId === m.organizationId)?.exitedOn;
    changes.push({
      kind: 'MEMBER_REMOVED',
      subject: m.organizationId,
      description: `${MEMBER_ROLE_LABELS[m.role]}退出：${m.name}${exitedOn ? `（${exitedOn} 退出）` : ''}`,
    });
  }
  return changes;
}

function agreementChanges(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  const [a, b] = [filed.agreement, changed.agreement];
  if (a?.version === b?.version && a?.sha256 === b?.sha256) return [];
  const words = (x: typeof a) => (x ? `第 ${x.version} 版（SHA-256 ${short(x.sha256)}）` : '无生效协议');
  const description =
    a && b && a.version === b.version
      ? `第 ${a.version} 版联盟协议的内容与备案时不一致（SHA-256 ${short(a.sha256)} → ${short(b.sha256)}）`
      : `生效的联盟协议由${words(a)}变为${words(b)}`;
  return [{ kind: 'AGREEMENT_CHANGED', subject: 'agreement', description }];
}

function governanceChanges(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  const [a, b] = [filed.governance, changed.governance];
  const changes: FilingChange[] = [];
  const key = (body: GovernanceSnapshot['bodies'][number]) => `${body.kind}:${body.name}`;
  for (const body of b.bodies)
    if (!a.bodies.some((x) => key(x) === key(body)))
      changes.push({
        kind: 'GOVERNANCE_CHANGED',
        subject: `bodies.${key(body)}`,
        description: `新设${GOVERNANCE_BODY_LABELS[body.kind]}：${body.name}`,
      });
  for (const body of a.bodies)
    if (!b.bodies.some((x) => key(x) === key(body)))
      changes.push({
        kind: 'GOVERNANCE_CHANGED',
        subject: `bodies.${key(body)}`,
        description: `撤销${GOVERNANCE_BODY_LABELS[body.kind]}：${body.name}`,
      });
  if (a.liableEntity !== b.liableEntity)
    changes.push({
      kind: 'GOVERNANCE_CHANGED',
      subject: 'liableEntity',
      description: `对外承担责任的主体由「${a.liableEntity ?? '未明确'}」改为「${b.liableEntity ?? '未明确'}」`,
    });
  if (a.executiveFullTimeStaff !== b.executiveFullTimeStaff)
    changes.push({
      kind: 'GOVERNANCE_CHANGED',
      subject: 'executiveFullTimeStaff',
      description: `执行机构专职人员由 ${a.executiveFullTimeStaff} 人改为 ${b.executiveFullTimeStaff} 人`,
    });
  return changes;
}

function documentChanges(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  // The same content under the same kind is the same document, whatever it is called now.
  const key = (d: FilingSnapshot['documents'][number]) => `${d.kind}:${d.sha256}`;
  const words = (d: FilingSnapshot['documents'][number]) =>
    `${FILING_DOCUMENT_KIND_LABELS[d.kind]}「${d.name}」（SHA-256 ${short(d.sha256)}）`;
  return [
    ...changed.documents
      .filter((d) => !filed.documents.some((x) => key(x) === key(d)))
      .map((d): FilingChange => ({
        kind: 'DOCUMENT_ADDED',
        subject: d.sha256,
        description: `新增${words(d)}`,
      })),
    ...filed.documents
      .filter((d) => !changed.documents.some((x) => key(x) === key(d)))
      .map((d): FilingChange => ({
        kind: 'DOCUMENT_REMOVED',
        subject: d.sha256,
        description: `撤下${words(d)}`,
      })),
  ];
}

function foundingChanges(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  const changes: FilingChange[] = [];
  const failing = (check: FoundingCheck) => check.conditions.filter((c) => !c.holds).map((c) => c.condition);
  const words = (check: FoundingCheck) => {
    const f = failing(check);
    return f.length === 0
      ? '六项条件均满足'
      : `${f.map((c) => FOUNDING_CONDITION_INFO[c].article).join('、')}未满足`;
  };
  if (words(filed.foundingCheck) !== words(changed.foundingCheck))
    changes.push({
      kind: 'FOUNDING_CHECK_CHANGED',
      subject: 'foundingCheck',
      description: `第八条审查结果由「${words(filed.foundingCheck)}」变为「${words(changed.foundingCheck)}」`,
    });
  const version = (m: FilingSnapshot['measures']) =>
    m.local
      ? `${m.local.documentNumber} 第 ${m.local.versionNo} 版`
      : `${m.province.documentNumber} 第 ${m.province.versionNo} 版`;
  const same = (x: MeasuresVersionRef | null, y: MeasuresVersionRef | null) => x?.id === y?.id;
  if (
    !same(filed.measures.province, changed.measures.province) ||
    !same(filed.measures.local, changed.measures.local)
  )
    changes.push({
      kind: 'FOUNDING_CHECK_CHANGED',
      subject: 'measures',
      description: `适用的实施办法由${version(filed.measures)}改为${version(changed.measures)}`,
    });
  return changes;
}

function pilotDecisionChanges(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  const [a, b] = [filed.pilotDecision, changed.pilotDecision];
  if (a.pilotApplicationId === b.pilotApplicationId) return [];
  const words = (d: typeof a) => `${PILOT_LEVEL_LABELS[d.level]}（${d.decidedOn} 确认）`;
  return [
    {
      kind: 'PILOT_DECISION_CHANGED',
      subject: 'pilotDecision',
      description: `备案依据的试点由${words(a)}改为${words(b)}`,
    },
  ];
}

function significanceChanges(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  const [a, b] = [filed.significance, changed.significance];
  const changes: FilingChange[] = [];
  if (a.level !== b.level)
    changes.push({
      kind: 'SIGNIFICANCE_CHANGED',
      subject: 'significance.level',
      description: `申明的影响层级由「${SIGNIFICANCE_LEVEL_LABELS[a.level]}」改为「${SIGNIFICANCE_LEVEL_LABELS[b.level]}」`,
    });
  if (a.statement.trim() !== b.statement.trim())
    changes.push({
      kind: 'SIGNIFICANCE_CHANGED',
      subject: 'significance.statement',
      description: '重大影响说明已修改',
    });
  return changes;
}

/**
 * What a change filing alters against the filed snapshot, members first, then the agreement,
 * governance, documents and the bases; empty when nothing differs (such a change is refused).
 */
export function diffSnapshots(filed: FilingSnapshot, changed: FilingSnapshot): FilingChange[] {
  return [
    ...memberChanges(filed, changed),
    ...agreementChanges(filed, changed),
    ...governanceChanges(filed, changed),
    ...documentChanges(filed, changed),
    ...foundingChanges(filed, changed),
    ...pilotDecisionChanges(filed, changed),
    ...significanceChanges(filed, changed),
  ];
}
