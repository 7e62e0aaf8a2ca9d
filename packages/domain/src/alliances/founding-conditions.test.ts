import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUNAN_2016_PARAMETERS, resolveParameters } from '../measures/measures-parameters.js';
import type { OrganizationType } from '../organizations/organization-type.js';
import {
  agreementInEffect,
  type AgreementSnapshot,
  type AllianceSnapshot,
  type MemberSnapshot,
} from './alliance-snapshot.js';
import {
  checkFoundingConditions,
  failingConditionsRootFirst,
  FOUNDING_CONDITIONS,
  foundingFailureSummary,
} from './founding-conditions.js';

const AS_OF = '2026-11-29';

function member(id: string, type: OrganizationType, extra: Partial<MemberSnapshot> = {}): MemberSnapshot {
  return {
    organizationId: id,
    name: `单位${id}`,
    type,
    industryBackbone: type === 'ENTERPRISE',
    role: 'MEMBER',
    joinedOn: '2025-01-01',
    exitedOn: null,
    ...extra,
  };
}

function agreement(version: number, members: MemberSnapshot[], signedOn = '2025-02-01'): AgreementSnapshot {
  return {
    version,
    innovationGoals: '突破轨道交通牵引系统关键技术',
    tasks: members.map((m) => ({ organizationId: m.organizationId, task: `${m.name}负责的研发任务` })),
    ipTerms: {
      ownership: '按贡献归属',
      licensing: '成员优先许可',
      benefitSharing: '按投入分配',
      breachLiability: '违约赔偿',
      onDissolution: '解散时按份额处理',
      onMemberExit: '退出时份额不变',
    },
    fundRules: { management: '经费管理办法', supervision: '理事会监督' },
    openness: {
      newMembers: '理事会审议吸收',
      externalCooperation: '开放合作',
      resultsDiffusion: '政府资助成果向外扩散',
    },
    signatures: members.map((m) => ({
      organizationId: m.organizationId,
      signatoryName: '法定代表人',
      signedOn,
    })),
  };
}

function completeAlliance(): AllianceSnapshot {
  const members = [
    member('a', 'ENTERPRISE', { role: 'CHAIR' }),
    member('b', 'UNIVERSITY', { industryBackbone: false }),
    member('c', 'RESEARCH_INSTITUTE', { industryBackbone: false }),
  ];
  return {
    members,
    agreements: [agreement(1, members)],
    governance: {
      bodies: [
        { kind: 'DECISION', name: '理事会' },
        { kind: 'ADVISORY', name: '专家委员会' },
        { kind: 'EXECUTIVE', name: '秘书处' },
      ],
      liableEntity: '单位a',
      executiveFullTimeStaff: 3,
    },
  };
}

const failing = (snapshot: AllianceSnapshot, parameters = HUNAN_2016_PARAMETERS) =>
  checkFoundingConditions(snapshot, parameters, AS_OF)
    .conditions.filter((c) => !c.holds)
    .flatMap((c) => c.reasons.map((r) => `${c.condition}:${r.code}`));

describe('Art. 8 founding conditions', () => {
  it('holds all six for a complete alliance, citing each article', () => {
    const check = checkFoundingConditions(completeAlliance(), HUNAN_2016_PARAMETERS, AS_OF);
    expect(check.allHold).toBe(true);
    expect(check.agreementVersionInEffect).toBe(1);
    expect(check.conditions.map((c) => c.condition)).toEqual([...FOUNDING_CONDITIONS]);
    expect(check.conditions.map((c) => c.article)).toEqual([
      '第八条第（一）项',
      '第八条第（二）项',
      '第八条第（三）项',
      '第八条第（四）项',
      '第八条第（五）项',
      '第八条第（六）项',
    ]);
  });

  it.each<[string, (s: AllianceSnapshot) => void, string[]]>([
    ['two members', (s) => void s.members.pop(), ['MEMBERS:MEMBERS_TOO_FEW']],
    [
      'no university or institute',
      (s) => {
        s.members.splice(1, 2, member('d', 'ENTERPRISE'), member('e', 'INTERMEDIARY'));
        s.agreements = [agreement(1, s.members)];
      },
      ['MEMBERS:MEMBER_TYPE_MISSING'],
    ],
    [
      'no backbone enterprise',
      (s) => {
        s.members[0]!.industryBackbone = false;
      },
      ['MEMBERS:NO_BACKBONE_ENTERPRISE'],
    ],
    [
      'no agreement',
      (s) => {
        s.agreements = [];
      },
      [
        'AGREEMENT:NO_AGREEMENT',
        'FUNDS:NO_AGREEMENT_IN_EFFECT',
        'INTERESTS:NO_AGREEMENT_IN_EFFECT',
        'OPENNESS:NO_AGREEMENT_IN_EFFECT',
      ],
    ],
    [
      'no innovation goals',
      (s) => {
        s.agreements[0]!.innovationGoals = '  ';
      },
      ['AGREEMENT:GOALS_MISSING'],
    ],
    [
      'a member without a task',
      (s) => {
        s.agreements[0]!.tasks.pop();
      },
      ['AGREEMENT:TASK_MISSING'],
    ],
    [
      'no advisory body',
      (s) => {
        s.governance.bodies.splice(1, 1);
      },
      ['GOVERNANCE:BODY_MISSING'],
    ],
    [
      'no liable entity',
      (s) => {
        s.governance.liableEntity = null;
      },
      ['GOVERNANCE:LIABLE_ENTITY_MISSING'],
    ],
    [
      'no full-time staff',
      (s) => {
        s.governance.executiveFullTimeStaff = 0;
      },
      ['GOVERNANCE:FULL_TIME_STAFF_TOO_FEW'],
    ],
    [
      'no fund supervision',
      (s) => {
        s.agreements[0]!.fundRules.supervision = '';
      },
      ['FUNDS:FUND_SUPERVISION_MISSING'],
    ],
    [
      'no breach liability',
      (s) => {
        s.agreements[0]!.ipTerms.breachLiability = '';
      },
      ['INTERESTS:BREACH_LIABILITY_MISSING'],
    ],
    [
      'no results diffusion',
      (s) => {
        s.agreements[0]!.openness.resultsDiffusion = '';
      },
      ['OPENNESS:RESULTS_DIFFUSION_MISSING'],
    ],
  ])('fails with %s', (_label, mutate, expected) => {
    const snapshot = completeAlliance();
    mutate(snapshot);
    expect(failing(snapshot).sort()).toEqual([...expected].sort());
  });

  it('names the member whose legal representative has not signed', () => {
    const snapshot = completeAlliance();
    snapshot.agreements[0]!.signatures = snapshot.agreements[0]!.signatures.filter(
      (s) => s.organizationId !== 'b',
    );
    const agreementResult = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, AS_OF).conditions[1]!;
    expect(agreementResult.holds).toBe(false);
    expect(agreementResult.reasons).toEqual([
      {
        code: 'SIGNATURE_MISSING',
        message: '单位b 的法定代表人尚未签署第 1 版联盟协议',
        organizationId: 'b',
      },
    ]);
  });

  describe('root cause first: one missing signature fails the agreement, and the clause conditions point to it', () => {
    const unsigned = () => {
      const snapshot = completeAlliance();
      snapshot.agreements[0]!.signatures = snapshot.agreements[0]!.signatures.filter(
        (s) => s.organizationId !== 'b',
      );
      return checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, AS_OF);
    };

    it('names AGREEMENT as the root cause, once', () => {
      expect(unsigned().rootCauses).toEqual(['AGREEMENT']);
    });

    it.each(['FUNDS', 'INTERESTS', 'OPENNESS'] as const)(
      '%s depends on AGREEMENT and points to its article',
      (c) => {
        const result = unsigned().conditions.find((x) => x.condition === c)!;
        expect(result).toMatchObject({ holds: false, dependsOn: 'AGREEMENT' });
        expect(result.reasons).toHaveLength(1);
        expect(result.reasons[0]!.message).toContain('第八条第（二）项');
        // The signature itself is named only under AGREEMENT.
        expect(result.reasons[0]!.message).not.toContain('单位b');
      },
    );

    it('orders the failures root first, then those depending on it', () => {
      expect(failingConditionsRootFirst(unsigned()).map((c) => c.condition)).toEqual([
        'AGREEMENT',
        'FUNDS',
        'INTERESTS',
        'OPENNESS',
      ]);
    });

    it('says it in one line for a refusal', () => {
      expect(foundingFailureSummary(unsigned())).toBe(
        '第八条第（二）项（根本原因）；第八条第（四）项、第八条第（五）项、第八条第（六）项因第八条第（二）项未满足而无法满足',
      );
    });

    it.each([
      [
        'a clause missing from an agreement in effect',
        (s: AllianceSnapshot) => void (s.agreements[0]!.fundRules.management = ''),
      ],
      ['too few members', (s: AllianceSnapshot) => void s.members.splice(2, 1)],
    ])('has no root cause when nothing depends on another failure: %s', (_label, change) => {
      const snapshot = completeAlliance();
      change(snapshot);
      const check = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, AS_OF);
      expect(check.rootCauses).toEqual([]);
      expect(check.conditions.every((c) => c.dependsOn === null)).toBe(true);
    });
  });

  it('needs a new version when a member joins, and takes it once all have signed', () => {
    const snapshot = completeAlliance();
    const newcomer = member('d', 'ENTERPRISE', { joinedOn: '2026-06-01' });
    snapshot.members.push(newcomer);
    expect(agreementInEffect(snapshot, '2026-05-31')?.version).toBe(1);
    expect(agreementInEffect(snapshot, '2026-06-01')).toBeNull();
    snapshot.agreements.push(agreement(2, snapshot.members, '2026-07-01'));
    expect(agreementInEffect(snapshot, '2026-06-30')).toBeNull();
    expect(agreementInEffect(snapshot, '2026-07-01')?.version).toBe(2);
    expect(checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, '2026-07-01').allHold).toBe(true);
  });

  it('no longer counts a member after it exits', () => {
    const snapshot = completeAlliance();
    snapshot.members.push(member('d', 'UNIVERSITY'));
    snapshot.agreements = [agreement(1, snapshot.members)];
    snapshot.members[2]!.exitedOn = '2026-03-01';
    expect(failing(snapshot)).toEqual([]);
    snapshot.members[1]!.exitedOn = '2026-03-01';
    snapshot.members[3]!.exitedOn = '2026-03-01';
    expect(failing(snapshot)).toEqual(['MEMBERS:MEMBERS_TOO_FEW', 'MEMBERS:MEMBER_TYPE_MISSING']);
  });

  it('applies stricter local measures', () => {
    const strict = resolveParameters(HUNAN_2016_PARAMETERS, {
      founding: { minMembers: 4, backboneRule: 'ALL_ENTERPRISES', minExecutiveFullTimeStaff: 5 },
    });
    const snapshot = completeAlliance();
    snapshot.members.push(member('d', 'ENTERPRISE', { industryBackbone: false }));
    snapshot.agreements = [agreement(1, snapshot.members)];
    expect(failing(snapshot)).toEqual([]);
    expect(failing(snapshot, strict)).toEqual([
      'MEMBERS:ENTERPRISE_NOT_BACKBONE',
      'GOVERNANCE:FULL_TIME_STAFF_TOO_FEW',
    ]);
  });

  const memberArb = fc.record({
    organizationId: fc.uuid(),
    name: fc.string({ minLength: 1, maxLength: 8 }),
    type: fc.constantFrom<OrganizationType>(
      'ENTERPRISE',
      'UNIVERSITY',
      'RESEARCH_INSTITUTE',
      'INTERMEDIARY',
      'BANK',
    ),
    industryBackbone: fc.boolean(),
    role: fc.constant('MEMBER' as const),
    joinedOn: fc.constantFrom('2024-01-01', '2025-06-01', '2026-12-01'),
    exitedOn: fc.constantFrom(null, '2025-12-31', '2027-01-01'),
  });
  const snapshotArb = fc
    .record({
      members: fc.uniqueArray(memberArb, { selector: (m) => m.organizationId, maxLength: 8 }),
      signAll: fc.boolean(),
      staff: fc.nat(4),
    })
    .map(({ members, signAll, staff }): AllianceSnapshot => {
      const base = completeAlliance();
      const signed = signAll ? members : members.slice(1);
      return {
        members,
        agreements: [{ ...agreement(1, members), signatures: agreement(1, signed).signatures }],
        governance: { ...base.governance, executiveFullTimeStaff: staff },
      };
    });

  it('says a condition holds exactly when it gives no reason', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const check = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, AS_OF);
        for (const c of check.conditions) expect(c.holds).toBe(c.reasons.length === 0);
        expect(check.allHold).toBe(check.conditions.every((c) => c.holds));
      }),
    );
  });

  it('counts members exactly as the roll on the date', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const onRoll = snapshot.members.filter(
          (m) => m.joinedOn <= AS_OF && (m.exitedOn ?? '9999') > AS_OF,
        ).length;
        const reasons = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, AS_OF).conditions[0]!
          .reasons;
        expect(reasons.some((r) => r.code === 'MEMBERS_TOO_FEW')).toBe(
          onRoll < HUNAN_2016_PARAMETERS.founding.minMembers,
        );
      }),
    );
  });

  it('never lets an agreement take effect while a current member has not signed', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const inEffect = agreementInEffect(snapshot, AS_OF);
        const onRoll = snapshot.members.filter((m) => m.joinedOn <= AS_OF && (m.exitedOn ?? '9999') > AS_OF);
        if (inEffect) {
          for (const m of onRoll)
            expect(inEffect.signatures.map((s) => s.organizationId)).toContain(m.organizationId);
        }
        const check = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, AS_OF);
        const unsigned = check.conditions[1]!.reasons.filter((r) => r.code === 'SIGNATURE_MISSING');
        for (const r of unsigned) expect(onRoll.map((m) => m.organizationId)).toContain(r.organizationId);
      }),
    );
  });

  it('adding a signature never turns a holding agreement condition into a failing one', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const before = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, AS_OF).conditions[1]!.holds;
        const signedByAll = { ...snapshot, agreements: [agreement(1, snapshot.members)] };
        const after = checkFoundingConditions(signedByAll, HUNAN_2016_PARAMETERS, AS_OF).conditions[1]!.holds;
        expect(!before || after).toBe(true);
      }),
    );
  });
});
