import { FOUNDING_CONDITION_INFO, FOUNDING_CONDITIONS } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  asRuntimeRole,
  createUser,
  type GraphqlResponse,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import {
  type AllianceView,
  COMPLETE_CLAUSES,
  dataOf,
  expectBadInput,
  expectRefused,
  type FoundingCheckView,
  M,
  type MeasuresInForceView,
  type OrganizationView,
  Q,
  RegisterClient,
  uniqueName,
  violationsOf,
} from '../support/register-client';

// One alliance through its whole life, as a 长沙 officer keeps it: registered, members joining
// and leaving, bodies, agreement versions with tasks and signatures, the Art. 8 check, establishment
// and dissolution. Steps run in order and share the alliance. Every accepted mutation leaves
// exactly one audit event; every refused one leaves nothing at all.

const FOUNDED_ON = '2024-03-01';

describe('an alliance from registration to dissolution (长沙)', () => {
  let api: TestApi;
  let db: AdminDb;
  let officer: TestUser;
  let register: RegisterClient;
  let alliance: AllianceView;
  let enterprise: OrganizationView;
  let university: OrganizationView;
  let institute: OrganizationView;
  let outsider: OrganizationView;
  let newcomer: OrganizationView;
  const agreementIds: string[] = [];

  /** Runs an accepted mutation and checks it left exactly one audit event, in the officer's chain. */
  async function once<T>(action: string, run: () => Promise<GraphqlResponse<T>>): Promise<T> {
    const mark = await db.auditMark();
    const data = dataOf(await run());
    const events = await db.auditSince(mark);
    expect(events.map((e) => [e.tenant_id, e.actor_user_id, e.action, e.subject_id])).toEqual([
      [officer.tenantId, officer.id, action, alliance?.id ?? events[0]?.subject_id],
    ]);
    return data;
  }

  /** Runs a refused mutation and checks that nothing of the tenant's changed, audit chain included. */
  async function refused(run: () => Promise<GraphqlResponse<unknown>>): Promise<GraphqlResponse<unknown>> {
    const before = await db.fingerprint(officer.tenantId);
    const res = await run();
    expect(await db.fingerprint(officer.tenantId)).toEqual(before);
    return res;
  }

  const check = (basis: 'OWN' | 'PROVINCE' = 'OWN', asOf?: string) =>
    register.foundingCheck(alliance.id, basis, asOf);
  const condition = (c: FoundingCheckView, name: string) => c.conditions.find((x) => x.condition === name)!;
  const codes = (c: FoundingCheckView, name: string) => condition(c, name).reasons.map((r) => r.code);

  beforeAll(async () => {
    api = await startTestApi();
    db = await AdminDb.open();
    officer = await createUser('430100', ['CITY_OFFICER']);
    register = new RegisterClient(await signedInAgent(api, officer));
    enterprise = await register.addOrganization({
      type: 'ENTERPRISE',
      industryBackbone: true,
      backboneBasis: '营收省内第一',
    });
    university = await register.addOrganization({ type: 'UNIVERSITY' });
    institute = await register.addOrganization({ type: 'RESEARCH_INSTITUTE' });
    outsider = await register.addOrganization({ type: 'ENTERPRISE' });
    newcomer = await register.addOrganization({ type: 'INTERMEDIARY' });
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  it('registers the alliance as FORMING, version 1', async () => {
    const name = uniqueName('湘江智能制造产业技术创新战略联盟');
    alliance = (
      await once('alliance.register', () =>
        register.send<{ registerAlliance: AllianceView }>(M.registerAlliance, {
          input: { name, industryCode: 'SE0201', foundedOn: FOUNDED_ON, objectives: '共性技术攻关' },
        }),
      )
    ).registerAlliance;
    expect(alliance).toMatchObject({
      name,
      status: 'FORMING',
      version: 1,
      foundedOn: FOUNDED_ON,
      members: [],
      agreements: [],
    });
    expect(alliance.availableActions.sort()).toEqual(['DISSOLVE', 'ESTABLISH']);
  });

  it('checks every Art. 8 condition of an empty alliance, each failing with its reasons and article', async () => {
    const result = await check();
    expect(result.allHold).toBe(false);
    expect(result.conditions.map((c) => [c.condition, c.article, c.holds])).toEqual(
      FOUNDING_CONDITIONS.map((c) => [c, FOUNDING_CONDITION_INFO[c].article, false]),
    );
    expect(codes(result, 'MEMBERS')).toEqual([
      'MEMBERS_TOO_FEW',
      'MEMBER_TYPE_MISSING',
      'MEMBER_TYPE_MISSING',
      'NO_BACKBONE_ENTERPRISE',
    ]);
    expect(codes(result, 'AGREEMENT')).toEqual(['NO_AGREEMENT']);
    expect(codes(result, 'GOVERNANCE')).toEqual([
      'BODY_MISSING',
      'BODY_MISSING',
      'BODY_MISSING',
      'LIABLE_ENTITY_MISSING',
      'FULL_TIME_STAFF_TOO_FEW',
    ]);
    for (const name of ['FUNDS', 'INTERESTS', 'OPENNESS'])
      expect(codes(result, name)).toEqual(['NO_AGREEMENT_IN_EFFECT']);
  });

  it('refuses to establish it, listing every failing condition under its article, and changes nothing', async () => {
    const res = await refused(() =>
      register.send(M.establishAlliance, { input: { allianceId: alliance.id, establishedOn: '2024-04-01' } }),
    );
    expectBadInput(res, 'foundingConditions.MEMBERS', 'MEMBERS_TOO_FEW');
    const violations = violationsOf(res);
    for (const c of FOUNDING_CONDITIONS) {
      const mine = violations.filter((v) => v.field === `foundingConditions.${c}`);
      expect(mine.length, c).toBeGreaterThan(0);
      for (const v of mine)
        expect(v.message.startsWith(`${FOUNDING_CONDITION_INFO[c].article}：`)).toBe(true);
      expect(res.errors![0]!.message).toContain(FOUNDING_CONDITION_INFO[c].article);
    }
  });

  describe('members', () => {
    it('adds the chair, a vice-chair and a member, one audit event each', async () => {
      for (const [org, role] of [
        [enterprise, 'CHAIR'],
        [university, 'VICE_CHAIR'],
        [institute, 'MEMBER'],
      ] as const) {
        alliance = (
          await once('alliance.add_member', () =>
            register.send<{ addAllianceMember: AllianceView }>(M.addAllianceMember, {
              input: { allianceId: alliance.id, organizationId: org.id, role, joinedOn: FOUNDED_ON },
            }),
          )
        ).addAllianceMember;
      }
      expect(alliance.members.map((m) => [m.organization.id, m.role, m.joinedOn, m.exitedOn])).toEqual(
        expect.arrayContaining([
          [enterprise.id, 'CHAIR', FOUNDED_ON, null],
          [university.id, 'VICE_CHAIR', FOUNDED_ON, null],
          [institute.id, 'MEMBER', FOUNDED_ON, null],
        ]),
      );
      expect(alliance.chairMember).toEqual({ id: enterprise.id });
      expect(codes(await check(), 'MEMBERS')).toEqual([]);
    });

    it('refuses a member joining before the founding date', async () => {
      const res = await refused(() =>
        register.send(M.addAllianceMember, {
          input: {
            allianceId: alliance.id,
            organizationId: outsider.id,
            role: 'MEMBER',
            joinedOn: '2024-02-29',
          },
        }),
      );
      expectBadInput(res, 'joinedOn', 'BEFORE_FOUNDING');
    });

    it('refuses a second chair with CHAIR_TAKEN', async () => {
      const res = await refused(() =>
        register.send(M.addAllianceMember, {
          input: {
            allianceId: alliance.id,
            organizationId: outsider.id,
            role: 'CHAIR',
            joinedOn: FOUNDED_ON,
          },
        }),
      );
      expectBadInput(res, 'role', 'CHAIR_TAKEN');
    });

    it('refuses an organization that is already a member', async () => {
      const res = await refused(() =>
        register.send(M.addAllianceMember, {
          input: {
            allianceId: alliance.id,
            organizationId: university.id,
            role: 'MEMBER',
            joinedOn: FOUNDED_ON,
          },
        }),
      );
      expectBadInput(res, 'organizationId', 'ALREADY_MEMBER');
    });
  });

  it('sets the governance bodies, liable entity, full-time staff and host unit', async () => {
    alliance = (
      await once('alliance.set_governance', () =>
        register.send<{ setAllianceGovernance: AllianceView }>(M.setAllianceGovernance, {
          input: {
            allianceId: alliance.id,
            bodies: [
              { kind: 'DECISION', name: '理事会' },
              { kind: 'ADVISORY', name: '专家委员会', description: '十一位专家' },
              { kind: 'EXECUTIVE', name: '秘书处' },
            ],
            liableEntity: '理事长单位',
            executiveFullTimeStaff: 4,
            hostOrganizationId: enterprise.id,
            version: alliance.version,
          },
        }),
      )
    ).setAllianceGovernance;
    expect(alliance).toMatchObject({
      liableEntity: '理事长单位',
      executiveFullTimeStaff: 4,
      hostOrganization: { id: enterprise.id },
    });
    expect(alliance.governanceBodies.map((b) => b.kind).sort()).toEqual([
      'ADVISORY',
      'DECISION',
      'EXECUTIVE',
    ]);
    expect(condition(await check(), 'GOVERNANCE')).toMatchObject({ holds: true, reasons: [] });
  });

  describe('agreement version 1 and its signatures', () => {
    it('refuses a task for an organization that is not a member, writing no version', async () => {
      const res = await refused(() =>
        register.send(M.createAgreementVersion, {
          input: {
            allianceId: alliance.id,
            ...COMPLETE_CLAUSES,
            tasks: [enterprise, university, institute, outsider].map((o) => ({
              organizationId: o.id,
              task: '课题',
            })),
          },
        }),
      );
      expectBadInput(res, 'tasks.3.organizationId', 'NOT_A_MEMBER');
    });

    it('creates version 1 with a task per member (fund supervision left out)', async () => {
      alliance = (
        await once('agreement.create_version', () =>
          register.send<{ createAgreementVersion: AllianceView }>(M.createAgreementVersion, {
            input: {
              allianceId: alliance.id,
              ...COMPLETE_CLAUSES,
              fundSupervision: '',
              tasks: [enterprise, university, institute].map((o) => ({
                organizationId: o.id,
                task: `${o.name} 的课题`,
              })),
            },
          }),
        )
      ).createAgreementVersion;
      const [v1] = alliance.agreements;
      expect(v1).toMatchObject({
        version: 1,
        inEffect: false,
        signatures: [],
        ipOnDissolution: COMPLETE_CLAUSES.ipOnDissolution,
        ipOnMemberExit: COMPLETE_CLAUSES.ipOnMemberExit,
      });
      expect(v1!.tasks).toHaveLength(3);
      agreementIds.push(v1!.id);
    });

    it('lets an unsigned draft be corrected', async () => {
      alliance = (
        await once('agreement.update_draft', () =>
          register.send<{ updateAgreementDraft: AllianceView }>(M.updateAgreementDraft, {
            input: {
              agreementId: agreementIds[0],
              ...COMPLETE_CLAUSES,
              fundSupervision: '',
              innovationGoals: '三年突破五项关键技术',
              tasks: [enterprise, university, institute].map((o) => ({
                organizationId: o.id,
                task: `${o.name} 的课题`,
              })),
              revision: alliance.agreements[0]!.revision,
            },
          }),
        )
      ).updateAgreementDraft;
      expect(alliance.agreements[0]!.innovationGoals).toBe('三年突破五项关键技术');
    });

    it('refuses a signature by an organization that is not a member with SIGNATORY_NOT_MEMBER, writing nothing', async () => {
      const res = await refused(() =>
        register.send(M.recordAgreementSignature, {
          input: {
            agreementId: agreementIds[0],
            organizationId: outsider.id,
            signatoryName: '钱七',
            signedOn: '2024-03-15',
          },
        }),
      );
      expectBadInput(res, 'organizationId', 'SIGNATORY_NOT_MEMBER');
      expect(
        await db.count('SELECT count(*) FROM agreement_signature WHERE agreement_id = $1', [agreementIds[0]]),
      ).toBe(0);
    });

    it('refuses, in the database itself, a signature by a non-member or by a member before it joined', async () => {
      for (const [organizationId, signedOn] of [
        [outsider.id, '2024-03-15'],
        [enterprise.id, '2024-02-20'],
      ] as const) {
        const failure = await asRuntimeRole(
          { tenantId: officer.tenantId, userId: officer.id, roles: officer.roles },
          async (c) =>
            c
              .query(
                `INSERT INTO agreement_signature (tenant_id, agreement_id, organization_id, signatory_name, signed_on)
               VALUES ($1, $2, $3, '钱七', $4)`,
                [officer.tenantId, agreementIds[0], organizationId, signedOn],
              )
              .then(
                () => null,
                (error: { code?: string; message?: string }) => error,
              ),
        );
        expect(failure).toMatchObject({
          code: '23514',
          message: expect.stringContaining('is not a member') as unknown,
        });
      }
    });

    it('records the chair signature; the signed version can no longer be edited, through the API or in SQL', async () => {
      alliance = (
        await once('agreement.sign', () =>
          register.send<{ recordAgreementSignature: AllianceView }>(M.recordAgreementSignature, {
            input: {
              agreementId: agreementIds[0],
              organizationId: enterprise.id,
              signatoryName: '王董事长',
              signedOn: '2024-03-15',
            },
          }),
        )
      ).recordAgreementSignature;
      expect(alliance.agreements[0]!.signatures).toEqual([
        { organizationId: enterprise.id, signatoryName: '王董事长', signedOn: '2024-03-15' },
      ]);

      const res = await refused(() =>
        register.send(M.updateAgreementDraft, {
          input: {
            agreementId: agreementIds[0],
            ...COMPLETE_CLAUSES,
            tasks: [],
            revision: alliance.agreements[0]!.revision,
          },
        }),
      );
      expectRefused(res, 'AGREEMENT_SIGNED');

      const failure = await asRuntimeRole(
        { tenantId: officer.tenantId, userId: officer.id, roles: officer.roles },
        (c) =>
          c
            .query(`UPDATE alliance_agreement SET innovation_goals = '偷改' WHERE id = $1`, [agreementIds[0]])
            .then(
              () => null,
              (error: { code?: string }) => error,
            ),
      );
      expect(failure).toMatchObject({ code: '55000' });
    });

    it("freezes the signed version's task division in the database too", async () => {
      const attempts = [
        [`UPDATE agreement_task SET task = '偷改的分工' WHERE agreement_id = $1`, [agreementIds[0]]],
        [`DELETE FROM agreement_task WHERE agreement_id = $1`, [agreementIds[0]]],
        [
          `INSERT INTO agreement_task (tenant_id, agreement_id, organization_id, task) VALUES ($2, $1, $3, '追加的分工')`,
          [agreementIds[0], officer.tenantId, outsider.id],
        ],
      ] as const;
      for (const [sql, params] of attempts) {
        const failure = await asRuntimeRole(
          { tenantId: officer.tenantId, userId: officer.id, roles: officer.roles },
          (c) =>
            c.query(sql, [...params]).then(
              () => null,
              (error: { code?: string }) => error,
            ),
        );
        expect(failure, sql).toMatchObject({ code: '55000' });
      }
    });

    it('refuses a second signature by the same member', async () => {
      const res = await refused(() =>
        register.send(M.recordAgreementSignature, {
          input: {
            agreementId: agreementIds[0],
            organizationId: enterprise.id,
            signatoryName: '王董事长',
            signedOn: '2024-03-16',
          },
        }),
      );
      expectBadInput(res, 'organizationId', 'ALREADY_SIGNED');
    });

    it('is in effect once every member has signed; FUNDS still fails for the missing supervision clause', async () => {
      for (const org of [university, institute]) {
        alliance = (
          await once('agreement.sign', () =>
            register.send<{ recordAgreementSignature: AllianceView }>(M.recordAgreementSignature, {
              input: {
                agreementId: agreementIds[0],
                organizationId: org.id,
                signatoryName: '法定代表人',
                signedOn: '2024-03-20',
              },
            }),
          )
        ).recordAgreementSignature;
      }
      expect(alliance.agreements[0]).toMatchObject({ version: 1, inEffect: true });
      const result = await check();
      expect(result.agreementVersionInEffect).toBe(1);
      expect(
        result.conditions.filter((c) => !c.holds).map((c) => [c.condition, c.reasons.map((r) => r.code)]),
      ).toEqual([['FUNDS', ['FUND_SUPERVISION_MISSING']]]);
      // Before the last signature the version was not yet in effect.
      expect((await check('OWN', '2024-03-18')).agreementVersionInEffect).toBeNull();
    });

    it('refuses to establish while FUNDS fails, naming only its article', async () => {
      const res = await refused(() =>
        register.send(M.establishAlliance, {
          input: { allianceId: alliance.id, establishedOn: '2024-04-01' },
        }),
      );
      expectBadInput(res, 'foundingConditions.FUNDS', 'FUND_SUPERVISION_MISSING');
      expect(violationsOf(res).map((v) => v.field)).toEqual(['foundingConditions.FUNDS']);
      expect(res.errors![0]!.message).toContain('第八条第（四）项');
    });
  });

  it('puts version 2 in effect once all three sign it; every condition then holds', async () => {
    alliance = (
      await once('agreement.create_version', () =>
        register.send<{ createAgreementVersion: AllianceView }>(M.createAgreementVersion, {
          input: {
            allianceId: alliance.id,
            ...COMPLETE_CLAUSES,
            tasks: [enterprise, university, institute].map((o) => ({ organizationId: o.id, task: '课题' })),
          },
        }),
      )
    ).createAgreementVersion;
    agreementIds.push(alliance.agreements[0]!.id);
    for (const org of [enterprise, university, institute]) {
      alliance = (
        await once('agreement.sign', () =>
          register.send<{ recordAgreementSignature: AllianceView }>(M.recordAgreementSignature, {
            input: {
              agreementId: agreementIds[1],
              organizationId: org.id,
              signatoryName: '法定代表人',
              signedOn: '2024-04-10',
            },
          }),
        )
      ).recordAgreementSignature;
    }
    expect(alliance.agreements.map((a) => [a.version, a.inEffect])).toEqual([
      [2, true],
      [1, false],
    ]);
    const result = await check();
    expect(result).toMatchObject({ allHold: true, agreementVersionInEffect: 2 });
  });

  describe('a member joining', () => {
    it('takes the agreement out of effect until the newcomer signs a new version', async () => {
      alliance = (
        await once('alliance.add_member', () =>
          register.send<{ addAllianceMember: AllianceView }>(M.addAllianceMember, {
            input: {
              allianceId: alliance.id,
              organizationId: newcomer.id,
              role: 'MEMBER',
              joinedOn: '2024-06-01',
            },
          }),
        )
      ).addAllianceMember;
      expect(alliance.agreements.map((a) => a.inEffect)).toEqual([false, false]);
      const result = await check();
      expect(result.allHold).toBe(false);
      expect(result.agreementVersionInEffect).toBeNull();
      expect(condition(result, 'AGREEMENT').reasons).toEqual([
        {
          code: 'SIGNATURE_MISSING',
          message: expect.stringContaining(newcomer.name) as unknown,
          organizationId: newcomer.id,
        },
      ]);
      // The same record read as of a day before the newcomer joined: version 2 was in effect.
      expect(await check('OWN', '2024-05-31')).toMatchObject({ allHold: true, agreementVersionInEffect: 2 });
    });

    it('refuses an exit dated before the join with EXIT_BEFORE_JOIN', async () => {
      const member = alliance.members.find((m) => m.organization.id === newcomer.id)!;
      const res = await refused(() =>
        register.send(M.exitAllianceMember, {
          input: { memberId: member.id, exitedOn: '2024-05-01', reason: '战略调整' },
        }),
      );
      expectBadInput(res, 'exitedOn', 'EXIT_BEFORE_JOIN');
    });

    it('refuses establishment while the newcomer has not signed, naming the missing signature', async () => {
      const res = await refused(() =>
        register.send(M.establishAlliance, {
          input: { allianceId: alliance.id, establishedOn: '2024-06-05' },
        }),
      );
      expectBadInput(res, 'foundingConditions.AGREEMENT', 'SIGNATURE_MISSING');
    });

    it('is back in effect with version 3 signed by all four', async () => {
      const all = [enterprise, university, institute, newcomer];
      alliance = (
        await once('agreement.create_version', () =>
          register.send<{ createAgreementVersion: AllianceView }>(M.createAgreementVersion, {
            input: {
              allianceId: alliance.id,
              ...COMPLETE_CLAUSES,
              tasks: all.map((o) => ({ organizationId: o.id, task: '课题' })),
            },
          }),
        )
      ).createAgreementVersion;
      agreementIds.push(alliance.agreements[0]!.id);
      for (const org of all) {
        alliance = (
          await once('agreement.sign', () =>
            register.send<{ recordAgreementSignature: AllianceView }>(M.recordAgreementSignature, {
              input: {
                agreementId: agreementIds[2],
                organizationId: org.id,
                signatoryName: '法定代表人',
                signedOn: '2024-06-10',
              },
            }),
          )
        ).recordAgreementSignature;
      }
      expect(alliance.agreements.map((a) => [a.version, a.inEffect])).toEqual([
        [3, true],
        [2, false],
        [1, false],
      ]);
      expect(await check()).toMatchObject({ allHold: true, agreementVersionInEffect: 3 });
    });
  });

  it('establishes the alliance, recording the measures version in force that day', async () => {
    const inForce = dataOf(
      await register.send<{ measuresInForce: MeasuresInForceView }>(Q.measuresInForce, {
        asOf: '2024-06-15',
      }),
    ).measuresInForce;
    alliance = (
      await once('alliance.establish', () =>
        register.send<{ establishAlliance: AllianceView }>(M.establishAlliance, {
          input: { allianceId: alliance.id, establishedOn: '2024-06-15' },
        }),
      )
    ).establishAlliance;
    expect(alliance).toMatchObject({
      status: 'ESTABLISHED',
      establishedOn: '2024-06-15',
      establishedMeasuresId: inForce.local?.id ?? inForce.province.id,
      availableActions: ['DISSOLVE'],
    });
    const [event] = await db.rows<{ after: { basis: { agreementVersion: number; article: string } } }>(
      `SELECT after FROM audit_event WHERE subject_id = $1 AND action = 'alliance.establish'`,
      [alliance.id],
    );
    expect(event!.after.basis).toMatchObject({ article: '第八条', agreementVersion: 3 });
  });

  it('refuses to establish it a second time with ALLIANCE_ESTABLISHED', async () => {
    const res = await refused(() =>
      register.send(M.establishAlliance, { input: { allianceId: alliance.id, establishedOn: '2024-06-20' } }),
    );
    expectRefused(res, 'ALLIANCE_ESTABLISHED');
  });

  it('lets a member exit with date and reason, keeping its history', async () => {
    const member = alliance.members.find((m) => m.organization.id === newcomer.id)!;
    alliance = (
      await once('alliance.exit_member', () =>
        register.send<{ exitAllianceMember: AllianceView }>(M.exitAllianceMember, {
          input: { memberId: member.id, exitedOn: '2024-07-01', reason: '业务调整，主动退出' },
        }),
      )
    ).exitAllianceMember;
    expect(alliance.members.find((m) => m.id === member.id)).toMatchObject({
      joinedOn: '2024-06-01',
      exitedOn: '2024-07-01',
      exitReason: '业务调整，主动退出',
    });
    const current = dataOf(
      await register.send<{ alliance: { members: { id: string }[] } }>(
        `query ($id: ID!) { alliance(id: $id) { members(current: true) { id } } }`,
        { id: alliance.id },
      ),
    ).alliance.members;
    expect(current.map((m) => m.id)).not.toContain(member.id);
    expect(current).toHaveLength(3);
    expect(await db.count('SELECT count(*) FROM alliance_member WHERE alliance_id = $1', [alliance.id])).toBe(
      4,
    );
    // The remaining members all signed version 3: it stays in effect.
    expect(alliance.agreements[0]).toMatchObject({ version: 3, inEffect: true });
    const again = await refused(() =>
      register.send(M.exitAllianceMember, {
        input: { memberId: member.id, exitedOn: '2024-07-02', reason: '重复退出' },
      }),
    );
    expectBadInput(again, 'memberId', 'ALREADY_EXITED');
  });

  it('updates the register entry against the version read, refusing a stale version with CONFLICT', async () => {
    const input = {
      id: alliance.id,
      name: alliance.name,
      industryCode: 'SE0201',
      foundedOn: FOUNDED_ON,
      objectives: '五年内形成产业标准体系',
    };
    const stale = alliance.version;
    alliance = (
      await once('alliance.update', () =>
        register.send<{ updateAlliance: AllianceView }>(M.updateAlliance, {
          input: { ...input, version: stale },
        }),
      )
    ).updateAlliance;
    expect(alliance.version).toBe(stale + 1);
    expectRefused(
      await refused(() =>
        register.send(M.updateAlliance, {
          input: { ...input, objectives: '旧页面上的修改', version: stale },
        }),
      ),
      'CONFLICT',
    );
  });

  it('records a yearly output', async () => {
    const output = (
      await once('alliance.add_output', () =>
        register.send<{ addAllianceOutput: { id: string; year: number; kind: string; quantity: number } }>(
          M.addAllianceOutput,
          {
            input: {
              allianceId: alliance.id,
              year: 2024,
              kind: 'STANDARD',
              quantity: 2,
              description: '团体标准两项',
            },
          },
        ),
      )
    ).addAllianceOutput;
    expect(output).toMatchObject({ year: 2024, kind: 'STANDARD', quantity: 2 });
  });

  it('dissolves the alliance with date and reason; every current member exits that day', async () => {
    alliance = (
      await once('alliance.dissolve', () =>
        register.send<{ dissolveAlliance: AllianceView }>(M.dissolveAlliance, {
          input: {
            allianceId: alliance.id,
            dissolvedOn: '2024-08-01',
            reason: '联盟任务完成，经理事会决议解散',
          },
        }),
      )
    ).dissolveAlliance;
    expect(alliance).toMatchObject({
      status: 'DISSOLVED',
      dissolvedOn: '2024-08-01',
      dissolutionReason: '联盟任务完成，经理事会决议解散',
      availableActions: [],
      chairMember: null,
    });
    expect(alliance.members.map((m) => [m.organization.id, m.exitedOn]).sort()).toEqual(
      [
        [enterprise.id, '2024-08-01'],
        [university.id, '2024-08-01'],
        [institute.id, '2024-08-01'],
        [newcomer.id, '2024-07-01'],
      ].sort(),
    );
    expect(
      alliance.members.filter((m) => m.exitedOn === '2024-08-01').every((m) => m.exitReason === '联盟解散'),
    ).toBe(true);
  });

  it('refuses every change to the dissolved alliance with ALLIANCE_DISSOLVED, writing nothing', async () => {
    const member = alliance.members[0]!;
    const attempts: [string, string, Record<string, unknown>][] = [
      [
        'updateAlliance',
        M.updateAlliance,
        {
          id: alliance.id,
          name: alliance.name,
          industryCode: 'SE0201',
          foundedOn: FOUNDED_ON,
          version: alliance.version,
        },
      ],
      [
        'addAllianceMember',
        M.addAllianceMember,
        { allianceId: alliance.id, organizationId: outsider.id, role: 'MEMBER', joinedOn: '2024-08-02' },
      ],
      [
        'exitAllianceMember',
        M.exitAllianceMember,
        { memberId: member.id, exitedOn: '2024-08-02', reason: '再次退出' },
      ],
      [
        'setAllianceGovernance',
        M.setAllianceGovernance,
        {
          allianceId: alliance.id,
          bodies: [],
          liableEntity: '',
          executiveFullTimeStaff: 0,
          version: alliance.version,
        },
      ],
      ['createAgreementVersion', M.createAgreementVersion, { allianceId: alliance.id, tasks: [] }],
      [
        'updateAgreementDraft',
        M.updateAgreementDraft,
        { agreementId: agreementIds[2], tasks: [], revision: 1 },
      ],
      [
        'recordAgreementSignature',
        M.recordAgreementSignature,
        {
          agreementId: agreementIds[2],
          organizationId: enterprise.id,
          signatoryName: '某',
          signedOn: '2024-07-15',
        },
      ],
      [
        'addAllianceOutput',
        M.addAllianceOutput,
        { allianceId: alliance.id, year: 2024, kind: 'PATENT', quantity: 1 },
      ],
      ['establishAlliance', M.establishAlliance, { allianceId: alliance.id, establishedOn: '2024-08-02' }],
      [
        'dissolveAlliance',
        M.dissolveAlliance,
        { allianceId: alliance.id, dissolvedOn: '2024-08-02', reason: '再次解散' },
      ],
    ];
    for (const [name, query, input] of attempts) {
      const res = await refused(() => register.send(query, { input }));
      expect(res.errors?.[0]?.extensions?.code, name).toBe('ALLIANCE_DISSOLVED');
      expect(res.errors?.[0]?.message, name).toBe('联盟已解散，记录只读');
    }
  });

  it('wrote exactly one audit event per accepted mutation', async () => {
    const events = await db.rows<{ action: string; n: string }>(
      `SELECT action, count(*)::text AS n FROM audit_event WHERE actor_user_id = $1 AND subject_id = $2 GROUP BY action ORDER BY action`,
      [officer.id, alliance.id],
    );
    expect(Object.fromEntries(events.map((e) => [e.action, Number(e.n)]))).toEqual({
      'agreement.create_version': 3,
      'agreement.sign': 10,
      'agreement.update_draft': 1,
      'alliance.add_member': 4,
      'alliance.add_output': 1,
      'alliance.dissolve': 1,
      'alliance.establish': 1,
      'alliance.exit_member': 1,
      'alliance.register': 1,
      'alliance.set_governance': 1,
      'alliance.update': 1,
    });
  });
});
