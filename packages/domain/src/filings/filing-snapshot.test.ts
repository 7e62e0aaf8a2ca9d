import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FoundingCheck } from '../alliances/founding-conditions.js';
import { FILING_CHANGE_KIND_LABELS } from './filing-labels.js';
import {
  canonicalJson,
  diffSnapshots,
  type FiledMember,
  FilingChangeKind,
  type FilingSnapshot,
  isSha256,
} from './filing-snapshot.js';

const hash = (c: string) => c.repeat(64);
const member = (
  id: string,
  name: string,
  role: FiledMember['role'],
  joinedOn = '2025-03-01',
): FiledMember => ({
  organizationId: id,
  name,
  creditCode: `91430200MA4L${id.padStart(5, '0')}X`,
  type: 'ENTERPRISE',
  industryBackbone: true,
  role,
  joinedOn,
  exitedOn: null,
});

const holds: FoundingCheck = {
  asOf: '2027-03-10',
  allHold: true,
  agreementVersionInEffect: 2,
  conditions: (['MEMBERS', 'AGREEMENT', 'GOVERNANCE', 'FUNDS', 'INTERESTS', 'OPENNESS'] as const).map(
    (condition) => ({ condition, article: '', title: '', holds: true, reasons: [], dependsOn: null }),
  ),
  rootCauses: [],
};

const filed: FilingSnapshot = {
  takenAt: '2027-03-10T02:00:00.000Z',
  asOf: '2027-03-10',
  alliance: {
    id: 'a1',
    name: '株洲轨道交通装备产业技术创新战略联盟',
    industryCode: 'RAIL',
    tenantId: 'zhuzhou',
    status: 'ESTABLISHED',
    pilotStatus: 'CITY_PILOT',
  },
  members: [
    member('1', '中车株洲电力机车有限公司', 'CHAIR'),
    member('2', '湖南工业大学', 'VICE_CHAIR'),
    member('3', '株洲时代新材料科技股份有限公司', 'MEMBER'),
    { ...member('9', '已退出的公司', 'MEMBER', '2024-01-01'), exitedOn: '2026-01-01' },
  ],
  agreement: { version: 2, sha256: hash('a') },
  governance: {
    bodies: [
      { kind: 'DECISION', name: '联盟理事会' },
      { kind: 'ADVISORY', name: '专家委员会' },
      { kind: 'EXECUTIVE', name: '联盟秘书处' },
    ],
    liableEntity: '中车株洲电力机车有限公司',
    executiveFullTimeStaff: 3,
  },
  documents: [
    { documentId: 'd1', kind: 'RECOMMENDATION_LETTER', name: '推荐函.pdf', sha256: hash('1'), size: 1000 },
    { documentId: 'd2', kind: 'FILING_FORM', name: '备案申请表.pdf', sha256: hash('2'), size: 2000 },
  ],
  foundingCheck: holds,
  measures: {
    province: { id: 'm1', versionNo: 1, documentNumber: '湘科〔2016〕106号' },
    local: { id: 'z1', versionNo: 1, documentNumber: '株科发〔2025〕3号' },
  },
  pilotDecision: {
    pilotApplicationId: 'p1',
    level: 'CITY',
    authorityTenantId: 'zhuzhou',
    recommendingTenantId: 'zhuzhou',
    decidedOn: '2026-11-20',
    reason: '专家评审通过',
    basis: { mean: 82.5, passMark: 70 },
  },
  significance: { statement: '牵头制定行业标准两项，带动全省产业链协同攻关。', level: 'PROVINCIAL' },
};

const later = (change: Partial<FilingSnapshot>): FilingSnapshot => ({
  ...filed,
  takenAt: '2027-09-01T02:00:00.000Z',
  asOf: '2027-09-01',
  ...change,
});

describe('diffSnapshots', () => {
  it('finds nothing when only the time of freezing differs', () => {
    expect(diffSnapshots(filed, later({}))).toEqual([]);
    expect(diffSnapshots(filed, filed)).toEqual([]);
  });

  it.each<
    [string, Partial<FilingSnapshot>, { kind: FilingChangeKind; subject: string; description: string }[]]
  >([
    [
      'a member joining',
      { members: [...filed.members, member('4', '湖南省轨道交通研究院', 'MEMBER', '2027-06-01')] },
      [
        {
          kind: 'MEMBER_ADDED',
          subject: '4',
          description: '新增成员单位：湖南省轨道交通研究院（2027-06-01 加入）',
        },
      ],
    ],
    [
      'a member exiting, with its date',
      {
        members: filed.members.map((m) => (m.organizationId === '3' ? { ...m, exitedOn: '2027-07-01' } : m)),
      },
      [
        {
          kind: 'MEMBER_REMOVED',
          subject: '3',
          description: '成员单位退出：株洲时代新材料科技股份有限公司（2027-07-01 退出）',
        },
      ],
    ],
    [
      'a member gone from the record',
      { members: filed.members.filter((m) => m.organizationId !== '3') },
      [{ kind: 'MEMBER_REMOVED', subject: '3', description: '成员单位退出：株洲时代新材料科技股份有限公司' }],
    ],
    [
      'a member’s role changing',
      {
        members: filed.members.map((m) =>
          m.organizationId === '3' ? { ...m, role: 'VICE_CHAIR' as const } : m,
        ),
      },
      [
        {
          kind: 'MEMBER_ROLE_CHANGED',
          subject: '3',
          description: '株洲时代新材料科技股份有限公司由成员单位改为副理事长单位',
        },
      ],
    ],
    [
      'a new agreement version',
      { agreement: { version: 3, sha256: hash('b') } },
      [
        {
          kind: 'AGREEMENT_CHANGED',
          subject: 'agreement',
          description: '生效的联盟协议由第 2 版（SHA-256 aaaaaaaa…）变为第 3 版（SHA-256 bbbbbbbb…）',
        },
      ],
    ],
    [
      'the same version with other content',
      { agreement: { version: 2, sha256: hash('c') } },
      [
        {
          kind: 'AGREEMENT_CHANGED',
          subject: 'agreement',
          description: '第 2 版联盟协议的内容与备案时不一致（SHA-256 aaaaaaaa… → cccccccc…）',
        },
      ],
    ],
    [
      'no agreement in effect any more',
      { agreement: null },
      [
        {
          kind: 'AGREEMENT_CHANGED',
          subject: 'agreement',
          description: '生效的联盟协议由第 2 版（SHA-256 aaaaaaaa…）变为无生效协议',
        },
      ],
    ],
    [
      'a body renamed',
      {
        governance: {
          ...filed.governance,
          bodies: [...filed.governance.bodies.slice(0, 2), { kind: 'EXECUTIVE', name: '联盟办公室' }],
        },
      },
      [
        {
          kind: 'GOVERNANCE_CHANGED',
          subject: 'bodies.EXECUTIVE:联盟办公室',
          description: '新设执行机构（秘书处）：联盟办公室',
        },
        {
          kind: 'GOVERNANCE_CHANGED',
          subject: 'bodies.EXECUTIVE:联盟秘书处',
          description: '撤销执行机构（秘书处）：联盟秘书处',
        },
      ],
    ],
    [
      'the liable entity and the staff',
      { governance: { ...filed.governance, liableEntity: null, executiveFullTimeStaff: 5 } },
      [
        {
          kind: 'GOVERNANCE_CHANGED',
          subject: 'liableEntity',
          description: '对外承担责任的主体由「中车株洲电力机车有限公司」改为「未明确」',
        },
        {
          kind: 'GOVERNANCE_CHANGED',
          subject: 'executiveFullTimeStaff',
          description: '执行机构专职人员由 3 人改为 5 人',
        },
      ],
    ],
    [
      'a document replaced',
      {
        documents: [
          filed.documents[0]!,
          {
            documentId: 'd3',
            kind: 'FILING_FORM',
            name: '备案申请表（修订）.pdf',
            sha256: hash('3'),
            size: 2100,
          },
        ],
      },
      [
        {
          kind: 'DOCUMENT_ADDED',
          subject: hash('3'),
          description: '新增备案申请表「备案申请表（修订）.pdf」（SHA-256 33333333…）',
        },
        {
          kind: 'DOCUMENT_REMOVED',
          subject: hash('2'),
          description: '撤下备案申请表「备案申请表.pdf」（SHA-256 22222222…）',
        },
      ],
    ],
    [
      'the Art. 8 result',
      {
        foundingCheck: {
          ...holds,
          allHold: false,
          conditions: holds.conditions.map((c) => (c.condition === 'AGREEMENT' ? { ...c, holds: false } : c)),
        },
      },
      [
        {
          kind: 'FOUNDING_CHECK_CHANGED',
          subject: 'foundingCheck',
          description: '第八条审查结果由「六项条件均满足」变为「第八条第（二）项未满足」',
        },
      ],
    ],
    [
      'the city’s measures version',
      {
        measures: {
          ...filed.measures,
          local: { id: 'z2', versionNo: 2, documentNumber: '株科发〔2027〕1号' },
        },
      },
      [
        {
          kind: 'FOUNDING_CHECK_CHANGED',
          subject: 'measures',
          description: '适用的实施办法由株科发〔2025〕3号 第 1 版改为株科发〔2027〕1号 第 2 版',
        },
      ],
    ],
    [
      'the pilot decision (a city pilot become provincial)',
      {
        pilotDecision: {
          ...filed.pilotDecision,
          pilotApplicationId: 'p2',
          level: 'PROVINCIAL',
          authorityTenantId: 'province',
          decidedOn: '2027-06-30',
        },
      },
      [
        {
          kind: 'PILOT_DECISION_CHANGED',
          subject: 'pilotDecision',
          description: '备案依据的试点由市级试点（2026-11-20 确认）改为省级试点（2027-06-30 确认）',
        },
      ],
    ],
    [
      'the level claimed and the statement',
      { significance: { statement: '新的说明：牵头制定国家标准一项。', level: 'NATIONAL' } },
      [
        {
          kind: 'SIGNIFICANCE_CHANGED',
          subject: 'significance.level',
          description:
            '申明的影响层级由「对全省相关产业发展具有重大影响」改为「对全国相关产业发展具有重大影响」',
        },
        {
          kind: 'SIGNIFICANCE_CHANGED',
          subject: 'significance.statement',
          description: '重大影响说明已修改',
        },
      ],
    ],
  ])('shows %s', (_name, change, expected) => {
    expect(diffSnapshots(filed, later(change))).toEqual(expected);
  });

  it('does not take a renamed file of the same content for a change', () => {
    const renamed = filed.documents.map((d) => ({
      ...d,
      name: `副本-${d.name}`,
      documentId: `${d.documentId}x`,
    }));
    expect(diffSnapshots(filed, later({ documents: renamed }))).toEqual([]);
  });

  it('reads each roll on its own date: a member who joins after the change was frozen is not in it', () => {
    const future = member('5', '尚未加入的公司', 'MEMBER', '2027-12-01');
    expect(diffSnapshots(filed, later({ members: [...filed.members, future] }))).toEqual([]);
  });

  it('lists members first, then the agreement, governance, documents and bases', () => {
    const changed = later({
      significance: { ...filed.significance, statement: '改写' },
      documents: [],
      governance: { ...filed.governance, executiveFullTimeStaff: 4 },
      agreement: { version: 3, sha256: hash('d') },
      members: [...filed.members, member('4', '新成员', 'MEMBER', '2027-06-01')],
    });
    expect(diffSnapshots(filed, changed).map((c) => c.kind)).toEqual([
      'MEMBER_ADDED',
      'AGREEMENT_CHANGED',
      'GOVERNANCE_CHANGED',
      'DOCUMENT_REMOVED',
      'DOCUMENT_REMOVED',
      'SIGNIFICANCE_CHANGED',
    ]);
  });

  it('is empty exactly when nothing differs, either way round', () => {
    const changes = [
      later({ agreement: { version: 3, sha256: hash('e') } }),
      later({ members: filed.members.slice(1) }),
      later({ documents: filed.documents.slice(1) }),
    ];
    for (const changed of changes) {
      expect(diffSnapshots(filed, changed)).not.toEqual([]);
      expect(diffSnapshots(changed, filed)).not.toEqual([]);
    }
  });

  it('labels every kind of change', () => {
    for (const kind of Object.values(FilingChangeKind))
      expect(FILING_CHANGE_KIND_LABELS[kind]).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: '联' } })).toBe('{"a":{"c":"联","d":[2,1]},"b":1}');
  });

  it('drops undefined members as JSON does, and writes null in arrays', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}');
  });

  it('writes dates as their instant', () => {
    expect(canonicalJson({ at: new Date('2027-03-10T02:00:00Z') })).toBe('{"at":"2027-03-10T02:00:00.000Z"}');
  });

  it('gives the same text whatever the key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('isSha256', () => {
  it.each([
    [hash('a'), true],
    [hash('A'), false],
    [hash('a').slice(1), false],
    [`${hash('a')}0`, false],
    ['g'.repeat(64), false],
  ])('%s → %s', (value, ok) => {
    expect(isSha256(value)).toBe(ok);
  });
});
