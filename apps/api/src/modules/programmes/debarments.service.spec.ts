import { HUNAN_2016_PARAMETERS, type MeasuresParameters } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { MeasuresEntity } from '../measures/measures.entity';
import type { MeasuresService } from '../measures/measures.service';
import type { DebarmentRecord, DebarmentsRepository, NewDebarment } from './debarments.repository';
import { DebarmentsService } from './debarments.service';

// The debarments service's decisions with its repository stubbed: the until date from the years
// of the measures in force on the first day, who lifts, and what a lift refuses. The database
// tests (test/programmes) cover the SQL, row security and the append-only triggers.

const admin: Viewer = {
  userId: 'u-admin',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_ADMIN'],
  sessionId: 's1',
};
const officer: Viewer = { ...admin, userId: 'u-officer', roles: ['PROVINCE_OFFICER'] };
const otherAuthority: Viewer = {
  ...admin,
  userId: 'u-city',
  tenantId: 't-city',
  tenantLevel: 'CITY',
  roles: ['CITY_ADMIN'],
};
const now = new Date('2028-03-20T02:00:00Z');
const ORG = '0b6f2c1e-7d0a-4c43-9a51-3f1f0f2a9a11';

function record(overrides: Partial<DebarmentRecord> = {}): DebarmentRecord {
  return {
    id: 'd1',
    tenantId: 't-province',
    organizationId: ORG,
    organizationName: '某违约单位',
    organizationCreditCode: '91430000000000000X',
    reason: '违反知识产权约定',
    article: '第二十条第（二）项',
    decisionDocument: '湘科计〔2028〕12号',
    fromDate: '2028-03-15',
    untilDate: '2033-03-15',
    debarmentYears: 5,
    measuresId: 'm1',
    measuresVersionNo: 1,
    recordedAt: now,
    lifted: null,
    liftedAt: null,
    authority: {
      id: 't-province',
      code: '430000',
      name: '湖南省',
      bureauName: '湖南省科学技术厅',
      level: 'PROVINCE',
      parentId: null,
    },
    evidence: '',
    recordedByName: null,
    liftedByName: null,
    ...overrides,
  };
}

function setup(stored: DebarmentRecord | null, years = 5, options: { lifts?: boolean } = {}) {
  const inserted: NewDebarment[] = [];
  const lifted: { on: string; reason: string }[] = [];
  const audits: AuditEntry[] = [];
  const repository: Partial<DebarmentsRepository> = {
    find: () => Promise.resolve(stored),
    organizationName: () => Promise.resolve('某违约单位'),
    insert: (_db, debarment) => {
      inserted.push(debarment);
      stored = record({ ...debarment, id: 'd-new' });
      return Promise.resolve('d-new');
    },
    lift: (_db, _id, lifting) => {
      if (options.lifts === false) return Promise.resolve(false);
      lifted.push({ on: lifting.on, reason: lifting.reason });
      return Promise.resolve(true);
    },
  };
  const parameters: MeasuresParameters = { ...HUNAN_2016_PARAMETERS, ip: { debarmentYears: years } };
  const measures = {
    inForce: (_db: unknown, _viewer: unknown, asOf: string) =>
      asOf < '2016-01-01'
        ? Promise.reject(new AppError('MEASURES_NOT_IN_FORCE'))
        : Promise.resolve({
            asOf,
            province: { id: 'm1', tenantId: 't-province', versionNo: 1 } as MeasuresEntity,
            local: null,
            parameters,
          }),
  } as unknown as MeasuresService;
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new DebarmentsService(
    repository as DebarmentsRepository,
    measures,
    audit as unknown as AuditService,
    clock,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, inserted, lifted, audits };
}

const decision = {
  organizationId: ORG,
  reason: '违反知识产权约定',
  decisionDocument: '湘科计〔2028〕12号',
  fromDate: '2028-02-29',
};

describe('recording a debarment', () => {
  it('lasts the years of the measures in force on its first day, 29 February included', async () => {
    const { service, ctx, inserted, audits } = setup(null, 3);
    await service.record(ctx.db, admin, decision);
    expect(inserted).toEqual([
      expect.objectContaining({
        fromDate: '2028-02-29',
        untilDate: '2031-02-28',
        debarmentYears: 3,
        article: '第二十条第（二）项',
        measuresId: 'm1',
        tenantId: 't-province',
      }),
    ]);
    expect(audits.map((a) => a.action)).toEqual(['debarment.record']);
  });

  it('is refused, naming the field, when no measures were in force or they give no years', async () => {
    const early = setup(null);
    await expect(
      early.service.record(early.ctx.db, admin, { ...decision, fromDate: '2010-01-01' }),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        violations: [expect.objectContaining({ field: 'fromDate', rule: 'MEASURES_IN_FORCE' })],
      },
    });
    const none = setup(null, 0);
    await expect(none.service.record(none.ctx.db, admin, decision)).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        violations: [expect.objectContaining({ rule: 'NO_DEBARMENT_PERIOD' })],
      },
    });
    expect([...early.inserted, ...none.inserted]).toEqual([]);
  });

  it('is an administrator’s decision', async () => {
    const { service, ctx, inserted } = setup(null);
    await expect(service.record(ctx.db, officer, decision)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(inserted).toEqual([]);
  });
});

describe('lifting a debarment', () => {
  it('records the day and the reason once', async () => {
    const { service, ctx, lifted, audits } = setup(record());
    await service.lift(ctx, admin, { id: 'd1', on: '2028-03-20', reason: ' 整改完毕 ' });
    expect(lifted).toEqual([{ on: '2028-03-20', reason: '整改完毕' }]);
    expect(audits.map((a) => a.action)).toEqual(['debarment.lift']);
  });

  it('is the deciding authority’s: another reads the decision and may not lift it', async () => {
    const { service, ctx, lifted } = setup(record());
    await expect(
      service.lift(ctx, otherAuthority, { id: 'd1', on: '2028-03-20', reason: '解除' }),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(lifted).toEqual([]);
  });

  it('refuses a second lifting, and a lost race, with DEBARMENT_ALREADY_LIFTED', async () => {
    const done = setup(record({ lifted: { on: '2028-03-18', reason: '整改完毕' } }));
    await expect(
      done.service.lift(done.ctx, admin, { id: 'd1', on: '2028-03-20', reason: '再次' }),
    ).rejects.toMatchObject({
      message: '该禁入已于 2028-03-18 解除',
      extensions: { code: 'DEBARMENT_ALREADY_LIFTED' },
    });
    const race = setup(record(), 5, { lifts: false });
    await expect(
      race.service.lift(race.ctx, admin, { id: 'd1', on: '2028-03-20', reason: '解除' }),
    ).rejects.toMatchObject({
      extensions: { code: 'DEBARMENT_ALREADY_LIFTED' },
    });
    expect(race.audits).toEqual([]);
  });
});
