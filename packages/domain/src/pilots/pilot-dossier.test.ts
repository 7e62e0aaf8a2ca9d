import { describe, expect, it } from 'vitest';
import { type PilotDossier, parsePilotDossier } from './pilot-dossier.js';
import { PILOT_WORKFLOW } from './pilot-transitions.js';

const EMPTY: PilotDossier = {
  asOf: null,
  alliance: {
    id: null,
    tenantId: null,
    name: null,
    industryCode: null,
    industryName: null,
    foundedOn: null,
    establishedOn: null,
    objectives: null,
    liableEntity: null,
    executiveFullTimeStaff: null,
    governanceBodies: [],
  },
  members: [],
  agreement: null,
  foundingCheck: null,
  measures: null,
  call: null,
};

const CALL = {
  id: 'c1',
  tenantId: 't-province',
  title: '2027 年度省级试点联盟申报',
  description: '',
  opensAt: '2027-01-01T00:00:00.000Z',
  closesAt: '2027-02-01T00:00:00.000Z',
  recommendBy: '2027-02-15T00:00:00.000Z',
  decideBy: '2027-03-01T00:00:00.000Z',
  measuresTenantId: 't-province',
  measuresId: 'm1',
  measuresVersionNo: 2,
  requiredDocuments: ['FEASIBILITY_REPORT'],
  publishedAt: '2026-12-01T00:00:00.000Z',
  version: 2,
};

const AGREEMENT = {
  version: 2,
  innovationGoals: '攻克共性技术',
  tasks: [{ organizationId: 'o1', task: '牵头' }],
  ipTerms: {
    ownership: '约定',
    licensing: '许可',
    benefitSharing: '分享',
    breachLiability: '违约',
    onDissolution: '解散',
    onMemberExit: '退出',
  },
  fundRules: { management: '管理', supervision: '监督' },
  openness: { newMembers: '加入', externalCooperation: '合作', resultsDiffusion: '扩散' },
  signatures: [{ organizationId: 'o1', signatoryName: '张三', signedOn: '2026-06-01' }],
};

const CHECK = {
  asOf: '2026-12-05',
  allHold: true,
  agreementVersionInEffect: 2,
  conditions: [
    {
      condition: 'MEMBERS',
      article: '第八条第（一）项',
      title: '由企业、大学和科研机构等多个独立法人组成',
      holds: true,
      reasons: [],
      dependsOn: null,
    },
  ],
  rootCauses: [],
};

const MEMBER = {
  organizationId: 'o1',
  name: '湘江机械有限公司',
  type: 'ENTERPRISE',
  creditCode: '91430100MA4L0000XX',
  role: 'CHAIR',
  industryBackbone: true,
  joinedOn: '2026-01-01',
};

// What buildDossier writes today.
const CURRENT = {
  asOf: '2026-12-05',
  alliance: {
    id: 'a1',
    tenantId: 't-city',
    name: '湘江智能制造联盟',
    industryCode: 'C34',
    industryName: '通用设备制造业',
    foundedOn: '2026-01-01',
    establishedOn: '2026-03-01',
    objectives: '协同创新',
    liableEntity: '湘江机械有限公司',
    executiveFullTimeStaff: 3,
    governanceBodies: [{ kind: 'DECISION', name: '理事会' }],
  },
  members: [MEMBER],
  agreement: AGREEMENT,
  foundingCheck: CHECK,
  measures: { id: 'm1', tenantId: 't-province', versionNo: 2 },
  call: CALL,
};

describe('reading a stored pilot dossier', () => {
  it('reads what submission writes today unchanged', () => {
    expect(parsePilotDossier(CURRENT)).toEqual(CURRENT);
  });

  it('is the kind’s declared reader', () => {
    expect(PILOT_WORKFLOW.parseDossier(CURRENT)).toEqual(CURRENT);
  });

  it.each<[string, unknown, Partial<PilotDossier>]>([
    ['null', null, {}],
    ['a string', 'dossier', {}],
    ['an array', [CURRENT], {}],
    ['an empty object', {}, {}],
    [
      'a fixture naming the alliance only',
      { alliance: { id: 'a1', name: '湘江智能制造联盟', industryCode: 'C34' } },
      { alliance: { ...EMPTY.alliance, id: 'a1', name: '湘江智能制造联盟', industryCode: 'C34' } },
    ],
    [
      'the industry as {code, name}',
      { alliance: { industry: { code: 'C34', name: '通用设备制造业' } } },
      { alliance: { ...EMPTY.alliance, industryCode: 'C34', industryName: '通用设备制造业' } },
    ],
    [
      'a member with its organization nested and an unknown role',
      {
        members: [
          {
            id: 'o1',
            role: 'PATRON',
            organization: { name: '湘江机械', type: 'ENTERPRISE', creditCode: 'X' },
          },
          'not a member',
        ],
      },
      {
        members: [
          {
            organizationId: 'o1',
            name: '湘江机械',
            type: 'ENTERPRISE',
            creditCode: 'X',
            role: null,
            industryBackbone: false,
            joinedOn: null,
          },
        ],
      },
    ],
    ['measures without a tenant', { measures: { id: 'm1', versionNo: 2 } }, { measures: null }],
    ['a call without its dates', { call: { id: 'c1', title: '通知' } }, { call: null }],
    [
      'a call without its optional parts',
      {
        call: {
          ...CALL,
          description: undefined,
          requiredDocuments: ['PHOTO', 'AGREEMENT_SCAN'],
          version: undefined,
        },
      },
      { call: { ...CALL, description: '', requiredDocuments: ['AGREEMENT_SCAN'], version: 1 } },
    ],
    [
      'an agreement with parts missing',
      { agreement: { version: 1, signatures: [{ organizationId: 'o1' }] } },
      {
        agreement: {
          version: 1,
          innovationGoals: '',
          tasks: [],
          ipTerms: {
            ownership: '',
            licensing: '',
            benefitSharing: '',
            breachLiability: '',
            onDissolution: '',
            onMemberExit: '',
          },
          fundRules: { management: '', supervision: '' },
          openness: { newMembers: '', externalCooperation: '', resultsDiffusion: '' },
          signatures: [{ organizationId: 'o1', signatoryName: '', signedOn: '' }],
        },
      },
    ],
    [
      'a check with plain-string reasons, an unknown condition and no date of its own',
      {
        asOf: '2026-12-05',
        foundingCheck: {
          allHold: false,
          conditions: [
            { condition: 'AGREEMENT', holds: false, reasons: ['未签署协议'] },
            { condition: 'LUCK', holds: true },
          ],
        },
      },
      {
        asOf: '2026-12-05',
        foundingCheck: {
          asOf: '2026-12-05',
          allHold: false,
          agreementVersionInEffect: null,
          conditions: [
            {
              condition: 'AGREEMENT',
              article: '第八条第（二）项',
              title: '有成员单位法定代表人共同签署的联盟协议',
              holds: false,
              reasons: [{ code: '', message: '未签署协议' }],
              dependsOn: null,
            },
          ],
          rootCauses: [],
        },
      },
    ],
  ])('reads %s, with what it lacks as null or empty', (_name, stored, expected) => {
    expect(parsePilotDossier(stored)).toEqual({ ...EMPTY, ...expected });
  });
});
