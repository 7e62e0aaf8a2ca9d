import { Injectable } from '@nestjs/common';
import {
  decide,
  type FieldViolation,
  transitionOf,
  type Transition,
  type WorkflowKind,
} from '@xiangmeng/domain';
import type { EntityManager, EntityTarget } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { Posting } from '../messages/messages.repository';
import { MessagesService } from '../messages/messages.service';
import { ApplicationsRepository } from './applications.repository';

/**
 * What every record of every kind carries for the engine: its state and version, and the
 * dossier and decision basis whose types the kind declares in the domain.
 */
export type ApplicationRecord = {
  id: string;
  state: string;
  version: number;
  dossier: unknown;
  decisionBasis: unknown;
};

export type TransitionRequest<A extends string> = {
  id: string;
  action: A;
  /** The version the user acted on: a record changed since answers the kind's conflict. */
  version: number;
  /** The reason, opinion or other text the action is taken with. */
  text: string;
  /** What else a kind's action takes (a filing's correction deadline), read by its facts. */
  details?: Record<string, unknown>;
};

/** The columns an action sets besides state and version. */
export type Effects<Row> = Partial<Row>;

/**
 * A workflow kind as the API runs it: its table in the domain, and what only the API knows — how
 * to read a record and the facts its guards need, what each guard finds, what each action writes.
 */
export type KindRuntime<
  Row extends ApplicationRecord,
  S extends string,
  A extends string,
  R extends string,
  G extends string,
  Facts,
> = {
  /** The kind's declaration; the record's dossier and basis columns hold the types it names. */
  workflow: WorkflowKind<S, A, R, G, Row['dossier'], Row['decisionBasis']>;
  entity: EntityTarget<Row>;
  /** What users call a record of the kind in refusals, e.g. 申报, 备案. */
  noun: string;
  /** The record as row-level security lets the viewer read it, else the kind's not-found. */
  load(db: EntityManager, id: string): Promise<Row>;
  actorsOf(viewer: Viewer, row: Row): R[];
  /** Everything this transition's guards and effect need, read once. */
  facts(
    db: EntityManager,
    viewer: Viewer,
    row: Row,
    transition: Transition<S, A, R, G>,
    text: string,
    details: Record<string, unknown>,
  ): Promise<Facts>;
  /** Why a guard fails on these facts, one line per reason; none when it holds. */
  check(guard: G, facts: Facts): FieldViolation[];
  effects: Record<A, (facts: Facts) => Effects<Row> | Promise<Effects<Row>>>;
  /** The refusal for failing guards (a kind may single out one, such as a closed window); no facts when the state refuses. */
  refusal(action: A, violations: FieldViolation[], failed: G[], facts: Facts | undefined): AppError;
  /** The record changed since the user read it, or another action won the race. */
  changed(): AppError;
  /** What the audit event records besides the states. */
  auditAfter(action: A, text: string): Record<string, unknown>;
  /** What else the step leaves once it won, in its transaction (a decision's PDF requested). */
  afterStep?(db: EntityManager, row: Row, action: A, facts: Facts, effects: Effects<Row>): Promise<void>;
  /** Who is told of this step (the message centre), posted in the step's transaction. */
  notices?(row: Row, action: A, facts: Facts, text: string): Posting[];
};

/**
 * The one application engine: for any kind, in the caller's transaction, it reads the record and
 * the facts once, checks who acts and every guard, writes the action's effect with the new state
 * and version exactly once (of concurrent identical actions one wins), and appends the audit event.
 */
@Injectable()
export class ApplicationEngine {
  constructor(
    private readonly records: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
  ) {}

  async transition<
    Row extends ApplicationRecord,
    S extends string,
    A extends string,
    R extends string,
    G extends string,
    F,
  >(
    db: EntityManager,
    viewer: Viewer,
    kind: KindRuntime<Row, S, A, R, G, F>,
    request: TransitionRequest<A>,
  ): Promise<Row> {
    const row = await kind.load(db, request.id);
    const from = row.state as S;
    const transition = this.permitted(kind, viewer, row, request);
    const text = request.text.trim();
    const facts = await kind.facts(db, viewer, row, transition, text, request.details ?? {});
    const findings = new Map(transition.guards.map((g) => [g, kind.check(g, facts)] as const));
    const failed = transition.guards.filter((g) => findings.get(g)!.length > 0);
    if (failed.length)
      throw kind.refusal(
        request.action,
        failed.flatMap((g) => findings.get(g)!),
        failed,
        facts,
      );

    const effects = await kind.effects[request.action](facts);
    const moved = await this.records.move(
      db,
      kind.entity,
      { id: row.id, from, version: request.version },
      {
        ...effects,
        state: transition.to,
        version: request.version + 1,
      },
    );
    if (!moved) throw kind.changed();
    await kind.afterStep?.(db, row, request.action, facts, effects);
    await this.audit.record(db, {
      action: `${kind.workflow.name}.${request.action.toLowerCase()}`,
      subjectType: kind.workflow.name,
      subjectId: row.id,
      before: { state: from },
      after: { state: transition.to, ...kind.auditAfter(request.action, text) },
    });
    for (const posting of kind.notices?.(row, request.action, facts, text) ?? []) {
      await this.messages.post(db, posting);
    }
    return kind.load(db, row.id);
  }

  /**
   * The transition the viewer may take from the record's state, checked before any guard: who
   * acts, the version they saw, and the state. A user who may not act learns nothing from the guards.
   */
  private permitted<
    Row extends ApplicationRecord,
    S extends string,
    A extends string,
    R extends string,
    G extends string,
    F,
  >(
    kind: KindRuntime<Row, S, A, R, G, F>,
    viewer: Viewer,
    row: Row,
    request: TransitionRequest<A>,
  ): Transition<S, A, R, G> {
    const { workflow } = kind;
    const from = row.state as S;
    const label = workflow.actions[request.action].label;
    const actors = kind.actorsOf(viewer, row);
    const forbidden = () => new AppError('FORBIDDEN', {}, `您不能对该${kind.noun}执行「${label}」`);
    if (!actors.length) throw forbidden();
    if (row.version !== request.version) throw kind.changed();
    const structural = decide(workflow, from, request.action, actors, () => true);
    if (structural.allowed) return transitionOf(workflow, from, request.action)!;
    if (structural.reason === 'ACTOR_NOT_ALLOWED') throw forbidden();
    const message = `${kind.noun}处于「${workflow.states[from].label}」状态，不能「${label}」`;
    throw kind.refusal(
      request.action,
      [{ field: 'action', rule: 'NOT_ALLOWED_IN_STATE', message }],
      [],
      undefined,
    );
  }
}
