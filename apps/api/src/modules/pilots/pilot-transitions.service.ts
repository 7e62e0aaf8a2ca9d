import { Injectable } from '@nestjs/common';
import {
  allSheetsIn,
  callIsOpen,
  callWindow,
  chinaDate,
  decidePilotTransition,
  type DocumentKind,
  dossierGaps,
  type FieldViolation,
  FOUNDING_CONDITION_INFO,
  failingConditionsRootFirst,
  type FoundingCheck,
  noticePeriodOver,
  panelComplete,
  PILOT_ACTION_LABELS,
  PILOT_GUARD_LABELS,
  PILOT_STATE_LABELS,
  PILOT_TRANSITIONS,
  pilotActorsOf,
  type PilotGuard,
  publicNoticePeriod,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '../../common/clock';
import { AppError, violation } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { CallMeasuresService, type CallMeasures } from '../calls/call-measures.service';
import { PilotCallEntity } from '../calls/pilot-call.entity';
import { ReviewProgressService } from '../reviews/review-progress.service';
import type { TransitionPilotApplicationInput } from './dto/pilot-application.input';
import { PilotApplicationEntity } from './pilot-application.entity';
import { PilotApplicationsService } from './pilot-applications.service';
import { type AllianceFacts, allianceFacts, buildDossier, foundingCheckUnder } from './pilot-dossier';
import { applicationChanged, refused } from './pilots.errors';

const MAX_TEXT = 2000;

type Evaluation = {
  violations: FieldViolation[];
  failed: Set<PilotGuard>;
  /** The call's window is what failed: PILOT_CALL_CLOSED. */
  closed: boolean;
  facts?: AllianceFacts;
  check?: FoundingCheck;
};
type Effects = Partial<Record<keyof PilotApplicationEntity, unknown>>;

/**
 * The one engine for every action on a pilot application (Art. 10–13): who may act comes from
 * the domain's table, each guard is checked here, and the state moves exactly once.
 */
@Injectable()
export class PilotTransitionsService {
  constructor(
    private readonly applications: PilotApplicationsService,
    private readonly callMeasures: CallMeasuresService,
    private readonly progress: ReviewProgressService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async transition(
    ctx: RequestContext,
    viewer: Viewer,
    input: TransitionPilotApplicationInput,
  ): Promise<PilotApplicationEntity> {
    const db = ctx.db;
    const application = await this.applications.get(db, input.id);
    const actors = pilotActorsOf(viewer, application);
    const action = input.action;
    const label = PILOT_ACTION_LABELS[action];
    if (!actors.length) throw new AppError('FORBIDDEN', {}, `您不能对该申报执行「${label}」`);
    if (application.version !== input.version) throw applicationChanged();
    // State and actor first: a user who may not act learns nothing from the guards.
    const structural = decidePilotTransition(application.state, action, actors, () => true);
    if (!structural.allowed) {
      if (structural.reason === 'NOT_ALLOWED_IN_STATE')
        throw refused(
          [
            violation(
              'action',
              'NOT_ALLOWED_IN_STATE',
              `申报处于「${PILOT_STATE_LABELS[application.state]}」状态，不能「${label}」`,
            ),
          ],
          `申报处于「${PILOT_STATE_LABELS[application.state]}」状态，不能「${label}」`,
        );
      throw new AppError('FORBIDDEN', {}, `您不能对该申报执行「${label}」`);
    }
    const call = await db.findOneBy(PilotCallEntity, { id: application.callId });
    if (!call) throw new AppError('NOT_FOUND', {}, '找不到申报所属的申报通知');
    const measures = await this.callMeasures.parametersFor(db, call);
    const now = this.clock.now();
    const today = chinaDate(now);
    const text = action === 'RECOMMEND' ? input.opinion : input.reason;
    const given = text?.trim() ?? '';

    const guards =
      PILOT_TRANSITIONS.find((x) => x.from === application.state && x.action === action)?.guards ?? [];
    const effects: Effects = {};
    const evaluation = await this.evaluate(db, viewer, application, call, measures, guards, given, today);
    const decision = decidePilotTransition(
      application.state,
      action,
      actors,
      (g) => !evaluation.failed.has(g),
    );
    if (!decision.allowed) {
      // Outside the window nothing else matters yet: the refusal names the window alone.
      if (evaluation.closed)
        throw new AppError(
          'PILOT_CALL_CLOSED',
          { violations: evaluation.violations.filter((v) => v.field === 'guard.CALL_OPEN') },
          `不在申报通知规定的申报时间内（${callWindow(call)}）`,
        );
      throw refused(
        evaluation.violations,
        `不能「${label}」：${evaluation.violations.map((v) => v.message).join('；')}`,
      );
    }
    const to = decision.to;

    switch (action) {
      case 'SUBMIT': {
        const facts = evaluation.facts;
        if (!facts || !evaluation.check) throw new AppError('NOT_FOUND', {}, '找不到申报的联盟');
        const { dossier, memberOrganizationIds } = await buildDossier(
          db,
          facts,
          evaluation.check,
          call,
          measures,
          today,
        );
        Object.assign(effects, {
          dossier,
          memberOrganizationIds,
          submittedAt: now,
          submittedBy: viewer.userId,
        });
        break;
      }
      case 'RECOMMEND':
        Object.assign(effects, {
          recommendedAt: now,
          recommendedBy: viewer.userId,
          recommendationOpinion: given,
        });
        break;
      case 'ACCEPT':
        effects.acceptedAt = now;
        break;
      case 'START_REVIEW':
        effects.reviewStartedAt = now;
        break;
      case 'CLOSE_REVIEW':
        effects.reviewedAt = now;
        break;
      case 'PUBLICISE': {
        const notice = publicNoticePeriod(today, measures.parameters.review.publicNoticeDays);
        Object.assign(effects, { noticeStartsOn: notice.startsOn, noticeEndsOn: notice.endsOn });
        break;
      }
      case 'APPROVE':
      case 'DECLINE': {
        const aggregate = await this.progress.aggregate(db, application);
        Object.assign(effects, {
          decidedAt: now,
          decidedBy: viewer.userId,
          decisionReason: given,
          decisionBasis: {
            ...(aggregate ?? { sheets: 0 }),
            passMark: measures.parameters.review.passMark,
            rule: measures.parameters.review.aggregation,
            measuresId: measures.measuresId,
            measuresVersionNo: measures.versionNo,
          },
        });
        break;
      }
      case 'RETURN':
      case 'NOT_RECOMMEND':
      case 'WITHDRAW':
        effects.lastReason = given;
        break;
    }

    // Exactly once: of concurrent identical actions one moves the row, the others change nothing.
    const result = await db.update(
      PilotApplicationEntity,
      { id: application.id, state: application.state, version: input.version },
      {
        ...(effects as QueryDeepPartialEntity<PilotApplicationEntity>),
        state: to,
        version: input.version + 1,
      },
    );
    if (result.affected !== 1) throw applicationChanged();
    await this.audit.record(db, {
      action: `pilot_application.${action.toLowerCase()}`,
      subjectType: 'pilot_application',
      subjectId: application.id,
      before: { state: application.state },
      after: {
        state: to,
        ...(given ? (action === 'RECOMMEND' ? { opinion: given } : { reason: given }) : {}),
      },
    });
    return this.applications.get(db, application.id);
  }

  private async evaluate(
    db: EntityManager,
    viewer: Viewer,
    application: PilotApplicationEntity,
    call: PilotCallEntity,
    measures: CallMeasures,
    guards: readonly PilotGuard[],
    given: string,
    today: string,
  ): Promise<Evaluation> {
    const violations: FieldViolation[] = [];
    const failed = new Set<PilotGuard>();
    let closed = false;
    let facts: AllianceFacts | undefined;
    let check: FoundingCheck | undefined;
    const fail = (guard: PilotGuard, message = PILOT_GUARD_LABELS[guard]) => {
      failed.add(guard);
      violations.push(violation(`guard.${guard}`, guard, message));
    };
    for (const guard of guards) {
      switch (guard) {
        case 'FOUNDING_CONDITIONS_HOLD': {
          facts = (await allianceFacts(db, application.allianceId)) ?? undefined;
          if (!facts) {
            fail(guard, '找不到申报的联盟');
            break;
          }
          if (facts.alliance.status !== 'ESTABLISHED' || facts.alliance.dissolvedOn) {
            fail(guard, '联盟未成立或已解散，不能申报试点');
            break;
          }
          check = foundingCheckUnder(facts, measures.parameters, today);
          if (!check.allHold) {
            failed.add(guard);
            // Root cause first; a condition that fails only because of it points to it.
            for (const c of failingConditionsRootFirst(check)) {
              const info = FOUNDING_CONDITION_INFO[c.condition];
              violations.push(
                violation(
                  `foundingConditions.${c.condition}`,
                  c.condition,
                  `${info.article}（${info.title}）：${c.reasons.map((r) => r.message).join('；')}`,
                ),
              );
            }
          }
          break;
        }
        case 'DOSSIER_COMPLETE': {
          const kinds = await db.query<{ kind: DocumentKind }[]>(
            `SELECT DISTINCT d.kind FROM pilot_application_document a
               JOIN document d ON d.tenant_id = a.tenant_id AND d.id = a.document_id
              WHERE a.tenant_id = $1 AND a.application_id = $2`,
            [application.tenantId, application.id],
          );
          const gaps = dossierGaps(
            application,
            kinds.map((k) => k.kind),
            call.requiredDocuments,
          );
          if (gaps.length) {
            failed.add(guard);
            violations.push(...gaps);
          }
          break;
        }
        case 'CALL_OPEN':
          if (!callIsOpen(call, this.clock.now())) {
            closed = true;
            fail(guard, `不在申报时间内：申报时间为 ${callWindow(call)}`);
          }
          break;
        case 'REASON_GIVEN':
        case 'OPINION_GIVEN':
          if (!given) fail(guard);
          else if (given.length > MAX_TEXT)
            fail(guard, `${guard === 'OPINION_GIVEN' ? '推荐意见' : '理由'}不能超过 ${MAX_TEXT} 个字`);
          break;
        case 'RECOMMENDER_IS_NOT_SUBMITTER':
          if (application.submittedBy === viewer.userId) fail(guard);
          break;
        case 'PANEL_COMPLETE': {
          const status = await this.progress.panelStatus(db, application);
          if (!panelComplete(status))
            fail(guard, `评审专家组尚未配齐（需 ${status.size} 人，已选 ${status.seated} 人）`);
          break;
        }
        case 'ALL_SHEETS_SUBMITTED': {
          const status = await this.progress.panelStatus(db, application);
          if (!allSheetsIn(status))
            fail(
              guard,
              `尚有专家未提交评分表（已提交 ${status.submitted}/${Math.max(status.seated, status.size)}）`,
            );
          break;
        }
        case 'NOTICE_PERIOD_SET':
          if (measures.parameters.review.publicNoticeDays <= 0) fail(guard);
          break;
        case 'NOTICE_PERIOD_OVER':
          if (!noticePeriodOver(today, application.noticeEndsOn))
            fail(guard, `公示期至 ${application.noticeEndsOn ?? '—'} 结束，尚未期满`);
          break;
        case 'OBJECTIONS_ANSWERED': {
          const [row] = await db.query<{ open: number }[]>(
            `SELECT count(*)::int AS open FROM pilot_objection
              WHERE tenant_id = $1 AND application_id = $2 AND answer IS NULL`,
            [application.authorityTenantId, application.id],
          );
          if ((row?.open ?? 0) > 0) fail(guard, `尚有 ${row?.open} 条公示异议未答复`);
          break;
        }
      }
    }
    return { violations, closed, failed, facts, check };
  }
}
