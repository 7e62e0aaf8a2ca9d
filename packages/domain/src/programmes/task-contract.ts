import {
  booleanOrNull,
  listOf,
  numberOrNull,
  objectOf,
  objectOrNull,
  textOrNull,
} from '../applications/stored-json.js';
import { isCalendarDate } from '../calendar/calendar-date.js';
import type { FieldViolation } from '../errors/error-codes.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { ipTermsViolations, type ProjectIpTerms } from './ip-terms.js';
import {
  BUDGET_SOURCES,
  type BudgetContext,
  budgetViolations,
  type ProjectBudget,
} from './project-budget.js';
import type { ProjectParticipant } from './programme-application-form.js';
import { fenOrNull, parseIpTerms, parseParticipants, parseUnit } from './programme-records.js';
import { ART_14, ART_18, programmeRefusal } from './programme-violation.js';

// The task contract (任务书) an award becomes: targets and indicators, milestones with dates, the
// participating members and their tasks, the IP terms (Art. 20(2): unclear terms, no project) and
// the budget by source. It is the project kind's dossier; approved changes replace it whole.

export type Indicator = { name: string; target: string };
export type Milestone = { title: string; dueOn: string };

export type TaskContract = {
  title: string;
  startOn: string;
  endOn: string;
  targets: string;
  indicators: Indicator[];
  milestones: Milestone[];
  /** The unit bearing the project (Art. 18): the chair unit, or the unit the authority names on dissolution. */
  responsibleUnit: { organizationId: string; name: string } | null;
  responsiblePerson: string;
  participants: ProjectParticipant[];
  ipTerms: ProjectIpTerms;
  budget: ProjectBudget;
};

export type TaskContractContext = BudgetContext & {
  /** Who must bear the project: the alliance's chair unit at award (Art. 18); null when it has none. */
  responsibleUnit: { organizationId: string; name: string } | null;
};

const TEXT_MAX = 5000;

/** Every rule the contract must satisfy to be signed (or to replace the one in force). */
export function taskContractViolations(
  contract: TaskContract,
  context: TaskContractContext,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  const text = (field: string, value: string, label: string, maxChars = TEXT_MAX) => {
    const trimmed = value.trim();
    if (trimmed === '') v.push(programmeRefusal(field, 'REQUIRED', `请填写${label}`, ART_14));
    else if ([...trimmed].length > maxChars)
      v.push(programmeRefusal(field, 'TOO_LONG', `${label}不超过 ${maxChars} 字`, ART_14));
    else if (checkControlCharacters(trimmed))
      v.push(programmeRefusal(field, 'CONTROL_CHARACTER', `${label}不能包含控制字符`, ART_14));
  };
  text('title', contract.title, '项目名称', 100);
  text('targets', contract.targets, '目标任务');
  const period = isCalendarDate(contract.startOn) && isCalendarDate(contract.endOn);
  if (!isCalendarDate(contract.startOn))
    v.push(programmeRefusal('startOn', 'DATE', '请填写项目开始日期', ART_14));
  if (!isCalendarDate(contract.endOn))
    v.push(programmeRefusal('endOn', 'DATE', '请填写项目结束日期', ART_14));
  if (period && contract.endOn <= contract.startOn)
    v.push(programmeRefusal('endOn', 'AFTER_START', '项目结束日期应晚于开始日期', ART_14));

  if (contract.indicators.length === 0)
    v.push(programmeRefusal('indicators', 'REQUIRED', '请列出考核指标', ART_14));
  contract.indicators.forEach((indicator, i) => {
    text(`indicators.${i}.name`, indicator.name, '指标名称', 200);
    text(`indicators.${i}.target`, indicator.target, '指标值', 200);
  });
  if (contract.milestones.length === 0)
    v.push(programmeRefusal('milestones', 'REQUIRED', '请列出进度节点', ART_14));
  contract.milestones.forEach((m, i) => {
    text(`milestones.${i}.title`, m.title, '节点内容', 200);
    if (!isCalendarDate(m.dueOn))
      v.push(programmeRefusal(`milestones.${i}.dueOn`, 'DATE', '请填写节点日期', ART_14));
    else if (period && (m.dueOn < contract.startOn || m.dueOn > contract.endOn))
      v.push(
        programmeRefusal(
          `milestones.${i}.dueOn`,
          'WITHIN_PERIOD',
          `节点日期应在项目执行期内（${contract.startOn} 至 ${contract.endOn}）`,
          ART_14,
        ),
      );
  });

  const expected = context.responsibleUnit;
  if (expected === null)
    v.push(
      programmeRefusal('responsibleUnit', 'NO_CHAIR_UNIT', '联盟没有理事长单位，项目无责任主体', ART_18),
    );
  else if (contract.responsibleUnit?.organizationId !== expected.organizationId)
    v.push(
      programmeRefusal(
        'responsibleUnit',
        'NOT_RESPONSIBLE_UNIT',
        `项目承担单位应为「${expected.name}」，由其对项目实施负总责`,
        ART_18,
      ),
    );
  text('responsiblePerson', contract.responsiblePerson, '项目负责人', 40);
  const ids = contract.participants.map((p) => p.organizationId);
  if (contract.responsibleUnit && !ids.includes(contract.responsibleUnit.organizationId))
    v.push(
      programmeRefusal(
        'participants',
        'RESPONSIBLE_UNIT_NOT_PARTICIPANT',
        `承担单位「${contract.responsibleUnit.name}」应列为项目参与单位`,
        ART_18,
      ),
    );
  contract.participants.forEach((p, i) => {
    text(`participants.${i}.task`, p.task, `「${p.name}」的任务分工`, 500);
    if (ids.indexOf(p.organizationId) !== i)
      v.push(programmeRefusal(`participants.${i}`, 'DUPLICATE', `「${p.name}」重复列出`, ART_14));
  });
  v.push(...ipTermsViolations(contract.ipTerms, ids, '任务书'));
  v.push(...budgetViolations(contract.budget, context));
  return v;
}

/** The milestones due on or before `date`, in the contract's order. */
export function milestonesDueBy(contract: Pick<TaskContract, 'milestones'>, date: string): Milestone[] {
  return contract.milestones.filter((m) => m.dueOn <= date);
}

/** The contract as stored, or null when nothing (or something else) was stored. */
export function parseTaskContract(stored: unknown): TaskContract | null {
  const c = objectOrNull(stored);
  if (!c) return null;
  const text = (value: unknown) => textOrNull(value) ?? '';
  const budget = objectOf(c.budget);
  return {
    title: text(c.title),
    startOn: text(c.startOn),
    endOn: text(c.endOn),
    targets: text(c.targets),
    indicators: listOf(c.indicators).map((i) => ({
      name: text(objectOf(i).name),
      target: text(objectOf(i).target),
    })),
    milestones: listOf(c.milestones).map((m) => ({
      title: text(objectOf(m).title),
      dueOn: text(objectOf(m).dueOn),
    })),
    responsibleUnit: parseUnit(c.responsibleUnit),
    responsiblePerson: text(c.responsiblePerson),
    participants: parseParticipants(c.participants),
    ipTerms: parseIpTerms(c.ipTerms),
    budget: {
      totalFen: fenOrNull(budget.totalFen) ?? '0',
      lines: listOf(budget.lines).flatMap((l) => {
        const line = objectOf(l);
        const source = BUDGET_SOURCES.find((s) => s === line.source);
        const amountFen = fenOrNull(line.amountFen);
        return source && amountFen !== null ? [{ source, amountFen, purpose: text(line.purpose) }] : [];
      }),
    },
  };
}

/** What a project decision rests on (a change, a revocation, an acceptance, a dissolution decision). */
export type ProjectDecisionBasis = {
  reason: string | null;
  /** A revocation's recovery (追回), in fen. */
  recoveryFen: string | null;
  /** The debarments decided with a revocation, by decision document. */
  debarmentDocuments: string[];
  /** The unit a frozen project continues under (Art. 19). */
  successorUnit: { organizationId: string; name: string } | null;
  /** The acceptance review's total and whether it passed. */
  reviewTotal: number | null;
  passes: boolean | null;
};

export function parseProjectDecisionBasis(stored: unknown): ProjectDecisionBasis | null {
  const b = objectOrNull(stored);
  if (!b) return null;
  return {
    reason: textOrNull(b.reason),
    recoveryFen: fenOrNull(b.recoveryFen),
    debarmentDocuments: listOf(b.debarmentDocuments).flatMap((d) => (typeof d === 'string' ? [d] : [])),
    successorUnit: parseUnit(b.successorUnit),
    reviewTotal: numberOrNull(b.reviewTotal),
    passes: booleanOrNull(b.passes),
  };
}
