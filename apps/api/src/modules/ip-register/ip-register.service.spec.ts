import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { ProjectEntity } from '../projects/project.entity';
import type { ProjectsService } from '../projects/projects.service';
import type { IpAssetRow, IpLicenceRow, IpRegisterRepository, NewIpAsset } from './ip-register.repository';
import { type IpAssetInput, IpRegisterService } from './ip-register.service';

// The register's decisions with the repository and the project stubbed: bad input is refused
// before any statement (so before the request's transaction opens), owners come from the task
// contract, the viewer's side is one of the project's parties, and what is audited.

const zzOfficer: Viewer = {
  userId: 'u-zz',
  tenantId: 't-zhuzhou',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const csOfficer: Viewer = { ...zzOfficer, userId: 'u-cs', tenantId: 't-changsha' };
const chair = '7d4c1f6e-0000-4000-8000-000000000001';
const partner = '7d4c1f6e-0000-4000-8000-000000000002';
const stranger = '7d4c1f6e-0000-4000-8000-000000000003';
const project = {
  id: '7d4c1f6e-0000-4000-8000-000000000101',
  tenantId: 't-province',
  allianceTenantId: 't-zhuzhou',
  allianceId: 'alliance-1',
  awardedOn: '2027-09-15',
  dossier: {
    participants: [
      { organizationId: chair, name: '承担单位', task: '总体' },
      { organizationId: partner, name: '参与单位', task: '材料' },
    ],
  },
} as unknown as ProjectEntity;

function setup() {
  const calls: string[] = [];
  const audited: AuditEntry[] = [];
  const inserted: NewIpAsset[] = [];
  const repository = {
    insertAsset: (_db: EntityManager, a: NewIpAsset) => {
      calls.push('insertAsset');
      inserted.push(a);
      return Promise.resolve('asset-1');
    },
    asset: () => {
      calls.push('asset');
      return Promise.resolve({
        ...project,
        id: 'asset-1',
        projectId: project.id,
        kind: 'INVENTION_PATENT',
      } as unknown as IpAssetRow);
    },
    ownersOf: () => Promise.resolve([]),
    licencesOf: () => Promise.resolve([] as IpLicenceRow[]),
  } as unknown as IpRegisterRepository;
  const projects = {
    get: () => {
      calls.push('project');
      return Promise.resolve(project);
    },
  } as unknown as ProjectsService;
  const audit = {
    record: (_db: EntityManager, e: AuditEntry) => {
      audited.push(e);
      return Promise.resolve();
    },
  } as unknown as AuditService;
  const clock = { now: () => new Date('2027-12-01T02:00:00Z') };
  const service = new IpRegisterService(repository, projects, audit, clock);
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, calls, audited, inserted };
}

const input = (overrides: Partial<IpAssetInput> = {}): IpAssetInput => ({
  projectId: project.id,
  kind: 'INVENTION_PATENT',
  title: ' 一种齿轮热处理方法 ',
  number: 'ZL202710000001.2',
  grantedOn: '2027-10-08',
  owners: [
    { organizationId: chair, basisPoints: 6000 },
    { organizationId: partner, basisPoints: 4000 },
  ],
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; fields: string[] }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const ext = (error as AppError).extensions as {
    code: unknown;
    violations?: { field: string; rule: string }[];
  };
  return { code: ext.code, fields: (ext.violations ?? []).map((v) => `${v.field} ${v.rule}`) };
}

describe('IpRegisterService.recordAsset', () => {
  it.each([
    [
      'shares of 99.99 %',
      { owners: [{ organizationId: chair, basisPoints: 9999 }] },
      'owners SHARES_SUM_100',
    ],
    ['an unknown kind', { kind: 'TRADEMARK' }, 'kind ONE_OF'],
    ['a date in the future', { grantedOn: '2027-12-02' }, 'grantedOn NOT_FUTURE'],
    [
      'an owner twice',
      {
        owners: [
          { organizationId: chair, basisPoints: 5000 },
          { organizationId: chair, basisPoints: 5000 },
        ],
      },
      'owners.1.organizationId DUPLICATE',
    ],
  ])('refuses %s before any statement', async (_, overrides, violation) => {
    const { service, ctx, calls } = setup();
    const answer = await refusal(service.recordAsset(ctx, zzOfficer, input(overrides)));
    expect(answer).toEqual({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([violation]) as unknown,
    });
    expect(calls).toEqual([]);
  });

  it('refuses an owner outside the task contract after reading the project, writing nothing', async () => {
    const { service, ctx, calls } = setup();
    const answer = await refusal(
      service.recordAsset(
        ctx,
        zzOfficer,
        input({ owners: [{ organizationId: stranger, basisPoints: 10000 }] }),
      ),
    );
    expect(answer).toEqual({ code: 'BAD_USER_INPUT', fields: ['owners.0.organizationId NOT_A_PARTICIPANT'] });
    expect(calls).toEqual(['project']);
  });

  it('answers NOT_FOUND to staff of neither party, writing nothing', async () => {
    const { service, ctx, calls } = setup();
    expect(await refusal(service.recordAsset(ctx, csOfficer, input()))).toEqual({
      code: 'NOT_FOUND',
      fields: [],
    });
    expect(calls).toEqual(['project']);
  });

  it('records the trimmed asset under the project’s parties and audits it', async () => {
    const { service, ctx, inserted, audited } = setup();
    await service.recordAsset(ctx, zzOfficer, input());
    expect(inserted).toEqual([
      expect.objectContaining({
        tenantId: 't-province',
        allianceTenantId: 't-zhuzhou',
        allianceId: 'alliance-1',
        title: '一种齿轮热处理方法',
        recordedBy: 'u-zz',
      }),
    ]);
    expect(audited).toEqual([
      expect.objectContaining({ action: 'ip.asset.record', subjectType: 'ip_asset', subjectId: 'asset-1' }),
    ]);
  });
});

describe('IpRegisterService.recordLicence', () => {
  it.each([
    ['a paid licence without a fee', { paid: true, feeFen: '0' }, 'feeFen PAID_WITH_FEE'],
    ['a free licence with a fee', { paid: false, feeFen: '5' }, 'feeFen FREE_WITHOUT_FEE'],
    ['a fee in yuan', { feeFen: '12.5' }, 'feeFen FEN'],
    ['a date in the future', { licensedOn: '2027-12-02' }, 'licensedOn NOT_FUTURE'],
  ])('refuses %s before any statement', async (_, overrides, violation) => {
    const { service, ctx, calls } = setup();
    const answer = await refusal(
      service.recordLicence(ctx, zzOfficer, {
        assetId: 'asset-1',
        licensee: { name: '某公司', creditCode: null },
        inProvince: true,
        paid: true,
        feeFen: '100',
        licensedOn: '2027-11-01',
        ...overrides,
      }),
    );
    expect(answer).toEqual({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([violation]) as unknown,
    });
    expect(calls).toEqual([]);
  });
});
