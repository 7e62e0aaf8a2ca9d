import { defineWorkflow, type FieldViolation } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import { ApplicationEngine, type KindRuntime } from './application-engine';
import type { ApplicationsRepository } from './applications.repository';

// The engine's decisions, with a made-up kind and a stubbed repository: who may act, stale
// versions, states, guards, the effect written with the new state exactly once, the audit event.

type Dossier = { subject: string };
type Basis = { approved: boolean };
type Row = {
  id: string;
  state: 'OPEN' | 'DONE';
  version: number;
  note: string | null;
  dossier: Dossier | null;
  decisionBasis: Basis | null;
};
type Facts = { signed: boolean; text: string };

const workflow = defineWorkflow<'OPEN' | 'DONE', 'CLOSE', 'CHIEF' | 'CLERK', 'SIGNED', Dossier, Basis>({
  name: 'ticket',
  parseDossier: () => ({ subject: '' }),
  parseDecisionBasis: () => ({ approved: false }),
  states: { OPEN: { label: '办理中', open: true }, DONE: { label: '办结', final: true } },
  actions: { CLOSE: { label: '办结' } },
  actors: { CHIEF: { label: '负责人' }, CLERK: { label: '经办人' } },
  guards: { SIGNED: { label: '须签字' } },
  transitions: [{ from: 'OPEN', action: 'CLOSE', to: 'DONE', actors: ['CHIEF'], guards: ['SIGNED'] }],
});

const viewer: Viewer = {
  userId: 'u1',
  tenantId: 't1',
  tenantLevel: 'CITY',
  roles: ['CITY_ADMIN'],
  sessionId: 's1',
};

function setup(options: {
  row?: Partial<Row>;
  actors?: ('CHIEF' | 'CLERK')[];
  signed?: boolean;
  /** Whether the guarded write finds the record as read (false: another action won). */
  wins?: boolean;
}) {
  let row: Row = {
    id: 'r1',
    state: 'OPEN',
    version: 3,
    note: null,
    dossier: null,
    decisionBasis: null,
    ...options.row,
  };
  const updates: { entity: unknown; where: unknown; set: unknown }[] = [];
  const audits: AuditEntry[] = [];
  const db = {} as EntityManager;
  const records = {
    move: (_db: EntityManager, entity: unknown, where: unknown, set: Partial<Row>) => {
      updates.push({ entity, where, set });
      const wins = options.wins ?? true;
      if (wins) row = { ...row, ...set };
      return Promise.resolve(wins);
    },
  } as unknown as ApplicationsRepository;
  const kind: KindRuntime<Row, Row['state'], 'CLOSE', 'CHIEF' | 'CLERK', 'SIGNED', Facts> = {
    workflow,
    entity: 'ticket',
    noun: '工单',
    load: () => Promise.resolve(row),
    actorsOf: () => options.actors ?? ['CHIEF'],
    facts: (_db, _viewer, _row, _transition, text) =>
      Promise.resolve({ signed: options.signed ?? true, text }),
    check: (_guard, facts): FieldViolation[] =>
      facts.signed ? [] : [{ field: 'guard.SIGNED', rule: 'SIGNED', message: '须签字' }],
    effects: { CLOSE: (facts) => ({ note: facts.text, decisionBasis: { approved: true } }) },
    refusal: (_action, violations) => new AppError('PILOT_TRANSITION_REFUSED', { violations }),
    changed: () => new AppError('APPLICATION_CHANGED'),
    auditAfter: (_action, text) => ({ reason: text }),
  };
  const audit = {
    record: (_db: EntityManager, entry: AuditEntry) => Promise.resolve(void audits.push(entry)),
  };
  const engine = new ApplicationEngine(records, audit as unknown as AuditService);
  const close = (version = 3, text = ' 已办结 ') =>
    engine.transition(db, viewer, kind, { id: 'r1', action: 'CLOSE', version, text });
  return { close, updates, audits };
}

describe('the application engine', () => {
  it('writes the effect with the next state and version in one guarded update, and audits it', async () => {
    const { close, updates, audits } = setup({});
    const row = await close();
    expect(row).toMatchObject({
      state: 'DONE',
      version: 4,
      note: '已办结',
      decisionBasis: { approved: true },
    });
    expect(updates).toEqual([
      {
        entity: 'ticket',
        where: { id: 'r1', from: 'OPEN', version: 3 },
        set: { note: '已办结', decisionBasis: { approved: true }, state: 'DONE', version: 4 },
      },
    ]);
    expect(audits).toEqual([
      {
        action: 'ticket.close',
        subjectType: 'ticket',
        subjectId: 'r1',
        before: { state: 'OPEN' },
        after: { state: 'DONE', reason: '已办结' },
      },
    ]);
  });

  it.each([
    ['a user who plays no part', { actors: [] }, 3, 'FORBIDDEN'],
    ['a part the table does not let act', { actors: ['CLERK'] as const }, 3, 'FORBIDDEN'],
    ['a stale version', {}, 2, 'APPLICATION_CHANGED'],
    ['a state the action does not leave', { row: { state: 'DONE' as const } }, 3, 'PILOT_TRANSITION_REFUSED'],
    ['a failing guard', { signed: false }, 3, 'PILOT_TRANSITION_REFUSED'],
    ['a race lost to another action', { wins: false }, 3, 'APPLICATION_CHANGED'],
  ])('refuses %s, auditing nothing', async (_name, options, version, code) => {
    const { close, audits } = setup(options as Parameters<typeof setup>[0]);
    await expect(close(version)).rejects.toMatchObject({ code });
    expect(audits).toEqual([]);
  });

  it('names the state and the action when the state refuses', async () => {
    const { close } = setup({ row: { state: 'DONE' } });
    await expect(close()).rejects.toMatchObject({
      extensions: {
        violations: [
          { field: 'action', rule: 'NOT_ALLOWED_IN_STATE', message: '工单处于「办结」状态，不能「办结」' },
        ],
      },
    });
  });
});
