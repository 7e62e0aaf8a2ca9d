import { describe, expect, it } from 'vitest';
import { HUNAN_2016_PARAMETERS } from '../measures/measures-parameters.js';
import { freezeFilingSnapshot } from './filing-freeze.js';
import { canonicalJson } from './filing-snapshot.js';

const member = (organizationId: string, role: 'CHAIR' | 'MEMBER', type: 'ENTERPRISE' | 'UNIVERSITY') => ({
  organizationId,
  name: organizationId,
  type,
  industryBackbone: type === 'ENTERPRISE',
  role,
  joinedOn: '2024-01-01',
  exitedOn: null,
});

const agreement = {
  version: 1,
  innovationGoals: '共性技术',
  tasks: [],
  ipTerms: {
    ownership: '约定',
    licensing: '许可',
    benefitSharing: '分享',
    breachLiability: '责任',
    onDissolution: '解散',
    onMemberExit: '退出',
  },
  fundRules: { management: '管理', supervision: '监督' },
  openness: { newMembers: '吸纳', externalCooperation: '合作', resultsDiffusion: '扩散' },
  signatures: [
    { organizationId: 'a', signatoryName: '甲', signedOn: '2024-01-02' },
    { organizationId: 'b', signatoryName: '乙', signedOn: '2024-01-02' },
  ],
};

const parts = (changes: Partial<Parameters<typeof freezeFilingSnapshot>[0]> = {}) =>
  freezeFilingSnapshot({
    now: new Date('2027-03-10T02:00:00Z'),
    asOf: '2027-03-10',
    alliance: {
      id: 'x',
      name: '联盟',
      industryCode: 'SE0702',
      tenantId: 't',
      status: 'ESTABLISHED',
      pilotStatus: 'CITY_PILOT',
    },
    register: {
      members: [member('a', 'CHAIR', 'ENTERPRISE'), member('b', 'MEMBER', 'UNIVERSITY')],
      agreements: [agreement],
      governance: { bodies: [], liableEntity: null, executiveFullTimeStaff: 0 },
    },
    creditCodes: new Map([['a', '91430200MA4L000001']]),
    documents: [],
    parameters: HUNAN_2016_PARAMETERS,
    measures: { province: { id: 'm', versionNo: 1, documentNumber: '湘科发〔2016〕1号' }, local: null },
    pilotDecision: {
      level: 'CITY',
      authorityTenantId: 't',
      recommendingTenantId: 't',
      decidedOn: '2026-12-01',
      pilotApplicationId: 'p',
      reason: '确认',
      basis: {},
    },
    significance: { statement: '重大影响', level: 'PROVINCIAL' },
    sha256: (text) => `sha(${text.length})`,
    ...changes,
  });

describe('freezing a filing snapshot', () => {
  it('hashes the agreement in effect over its canonical JSON, and names each member’s credit code', () => {
    const snapshot = parts();
    expect(snapshot.agreement).toEqual({ version: 1, sha256: `sha(${canonicalJson(agreement).length})` });
    expect(snapshot.members.map((m) => m.creditCode)).toEqual(['91430200MA4L000001', '']);
  });

  it('freezes each member as the snapshot names it, whatever else the register row carries', () => {
    const stored = { ...member('a', 'CHAIR', 'ENTERPRISE'), id: 'row-1', organization: { creditCode: 'x' } };
    const snapshot = parts({
      register: {
        members: [stored],
        agreements: [agreement],
        governance: { bodies: [], liableEntity: null, executiveFullTimeStaff: 0 },
      },
    });
    expect(Object.keys(snapshot.members[0]!).sort()).toEqual(
      [...Object.keys(member('a', 'CHAIR', 'ENTERPRISE')), 'creditCode'].sort(),
    );
  });

  it('records the Art. 8 result under the parameters given', () => {
    const snapshot = parts();
    expect(snapshot.foundingCheck.conditions.length).toBeGreaterThan(0);
    expect(snapshot.foundingCheck.conditions.find((c) => c.condition === 'GOVERNANCE')?.holds).toBe(false);
  });

  it('hashes the signed content only: a stored version’s bookkeeping does not change the hash', () => {
    const stored = { ...agreement, id: 'row', revision: 7 };
    const register = {
      members: [member('a', 'CHAIR', 'ENTERPRISE'), member('b', 'MEMBER', 'UNIVERSITY')],
      agreements: [stored],
      governance: { bodies: [], liableEntity: null, executiveFullTimeStaff: 0 },
    };
    expect(parts({ register, sha256: (text) => text }).agreement?.sha256).toBe(canonicalJson(agreement));
  });

  it('has no agreement when nothing is signed by all', () => {
    expect(
      parts({
        register: {
          members: [member('a', 'CHAIR', 'ENTERPRISE')],
          agreements: [],
          governance: { bodies: [], liableEntity: null, executiveFullTimeStaff: 0 },
        },
      }).agreement,
    ).toBeNull();
  });
});
