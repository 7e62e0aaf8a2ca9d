import { isCalendarDate } from '../calendar/calendar-date.js';
import type { FieldViolation } from '../errors/error-codes.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { activeDebarmentsOf, type Debarment, debarmentRefusalMessage } from './debarment.js';
import { type BenefitShare, ipTermsViolations } from './ip-terms.js';
import { type BudgetContext, type ProjectBudget, reallocationViolations } from './project-budget.js';
import type { ProjectParticipant } from './programme-application-form.js';
import { ART_18, ART_19, programmeRefusal, type ProgrammeViolation } from './programme-violation.js';
import type { TaskContract } from './task-contract.js';

// Changes to a project in progress (Art. 19: a project that cannot run as planned is adjusted
// with the authority's approval): an extension, a reallocation between budget lines, a change of
// participants, a new responsible person. Each is checked against the contract in force; once
// approved, it replaces the contract (applyProjectChange). The same changes serve the authority's
// direct adjustment of a frozen project after the alliance dissolves.

export const ProjectChangeKind = {
  EXTENSION: 'EXTENSION',
  BUDGET_REALLOCATION: 'BUDGET_REALLOCATION',
  PARTICIPANT_CHANGE: 'PARTICIPANT_CHANGE',
  RESPONSIBLE_PERSON: 'RESPONSIBLE_PERSON',
} as const;
export type ProjectChangeKind = (typeof ProjectChangeKind)[keyof typeof ProjectChangeKind];

export const PROJECT_CHANGE_KIND_LABELS: Record<ProjectChangeKind, string> = {
  EXTENSION: '项目延期',
  BUDGET_REALLOCATION: '预算调剂',
  PARTICIPANT_CHANGE: '参与单位变更',
  RESPONSIBLE_PERSON: '项目负责人变更',
};

export type ProjectChange =
  | { kind: 'EXTENSION'; newEndOn: string }
  | { kind: 'BUDGET_REALLOCATION'; budget: ProjectBudget }
  | {
      kind: 'PARTICIPANT_CHANGE';
      added: ProjectParticipant[];
      removedOrganizationIds: string[];
      /** The benefit shares over the participants after the change (Art. 20(2)'s exit handling applied). */
      benefitShares: BenefitShare[];
    }
  | { kind: 'RESPONSIBLE_PERSON'; responsiblePerson: string };

/** What the change does to the contract once approved. */
export function applyProjectChange(contract: TaskContract, change: ProjectChange): TaskContract {
  switch (change.kind) {
    case 'EXTENSION':
      return { ...contract, endOn: change.newEndOn };
    case 'BUDGET_REALLOCATION':
      return { ...contract, budget: change.budget };
    case 'PARTICIPANT_CHANGE':
      return {
        ...contract,
        participants: [
          ...contract.participants.filter((p) => !change.removedOrganizationIds.includes(p.organizationId)),
          ...change.added,
        ],
        ipTerms: { ...contract.ipTerms, benefitShares: change.benefitShares },
      };
    case 'RESPONSIBLE_PERSON':
      return { ...contract, responsiblePerson: change.responsiblePerson.trim() };
  }
}

function participantChangeViolations(
  contract: TaskContract,
  change: Extract<ProjectChange, { kind: 'PARTICIPANT_CHANGE' }>,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  const current = contract.participants.map((p) => p.organizationId);
  if (change.added.length === 0 && change.removedOrganizationIds.length === 0)
    v.push(programmeRefusal('participants', 'NO_CHANGE', '请列出新增或退出的参与单位', ART_19));
  change.added.forEach((p, i) => {
    if (
      current.includes(p.organizationId) ||
      change.added.findIndex((a) => a.organizationId === p.organizationId) !== i
    )
      v.push(programmeRefusal(`added.${i}`, 'ALREADY_PARTICIPANT', `「${p.name}」已是项目参与单位`, ART_19));
    const task = p.task.trim();
    if (task === '')
      v.push(programmeRefusal(`added.${i}.task`, 'REQUIRED', `请填写「${p.name}」的任务分工`, ART_19));
    else if (checkControlCharacters(task))
      v.push(programmeRefusal(`added.${i}.task`, 'CONTROL_CHARACTER', '任务分工不能包含控制字符', ART_19));
  });
  change.removedOrganizationIds.forEach((id, i) => {
    if (!current.includes(id))
      v.push(programmeRefusal(`removed.${i}`, 'NOT_PARTICIPANT', '退出的单位不是项目参与单位', ART_19));
    else if (id === contract.responsibleUnit?.organizationId)
      v.push(
        programmeRefusal(
          `removed.${i}`,
          'RESPONSIBLE_UNIT_STAYS',
          `承担单位「${contract.responsibleUnit.name}」对项目负总责，不能作为参与单位退出`,
          ART_18,
        ),
      );
  });
  const after = applyProjectChange(contract, change);
  v.push(
    ...ipTermsViolations(
      after.ipTerms,
      after.participants.map((p) => p.organizationId),
      '任务书',
      'ipTerms',
    ).filter((x) => x.field.startsWith('ipTerms.benefitShares')),
  );
  return v;
}

/**
 * Whether the change holds for its kind against the contract in force (the CHANGE_WELL_FORMED
 * guard); debarment is checked apart (changeDebarmentViolations), as its own guard.
 */
export function projectChangeViolations(
  change: ProjectChange,
  contract: TaskContract,
  context: BudgetContext,
): FieldViolation[] {
  switch (change.kind) {
    case 'EXTENSION':
      if (!isCalendarDate(change.newEndOn))
        return [programmeRefusal('newEndOn', 'DATE', '请填写延期后的结束日期', ART_19)];
      if (change.newEndOn <= contract.endOn)
        return [
          programmeRefusal(
            'newEndOn',
            'LATER_THAN_END',
            `延期后的结束日期应晚于现结束日期（${contract.endOn}）`,
            ART_19,
          ),
        ];
      return [];
    case 'BUDGET_REALLOCATION':
      return reallocationViolations(contract.budget, change.budget, context);
    case 'PARTICIPANT_CHANGE':
      return participantChangeViolations(contract, change);
    case 'RESPONSIBLE_PERSON': {
      const person = change.responsiblePerson.trim();
      if (person === '')
        return [programmeRefusal('responsiblePerson', 'REQUIRED', '请填写新的项目负责人', ART_19)];
      if ([...person].length > 40)
        return [programmeRefusal('responsiblePerson', 'TOO_LONG', '项目负责人不超过 40 字', ART_19)];
      if (checkControlCharacters(person))
        return [
          programmeRefusal('responsiblePerson', 'CONTROL_CHARACTER', '项目负责人不能包含控制字符', ART_19),
        ];
      if (person === contract.responsiblePerson.trim())
        return [programmeRefusal('responsiblePerson', 'NO_CHANGE', '与现项目负责人相同', ART_19)];
      return [];
    }
  }
}

/** The units a change brings in that are debarred on the day (the NO_PARTICIPANT_DEBARRED guard). */
export function changeDebarmentViolations(
  change: ProjectChange,
  debarments: readonly Debarment[],
  asOf: string,
): ProgrammeViolation[] {
  if (change.kind !== 'PARTICIPANT_CHANGE') return [];
  return change.added.flatMap((p, i) =>
    activeDebarmentsOf(debarments, [p.organizationId], asOf).map((d) => ({
      field: `added.${i}`,
      rule: 'DEBARRED',
      article: d.article,
      message: debarmentRefusalMessage(d),
    })),
  );
}

export type SuccessorUnit = { organizationId: string; name: string; task: string };

/**
 * Continuing a frozen project under a unit the authority names (Art. 19): it becomes the
 * responsible unit, joining the participants if it was not one; the benefit shares stay.
 */
export function continueUnderUnit(contract: TaskContract, successor: SuccessorUnit): TaskContract {
  const joins = !contract.participants.some((p) => p.organizationId === successor.organizationId);
  return {
    ...contract,
    responsibleUnit: { organizationId: successor.organizationId, name: successor.name },
    participants: joins ? [...contract.participants, successor] : contract.participants,
  };
}

/** The SUCCESSOR_UNIT_NAMED and NO_PARTICIPANT_DEBARRED guards of continuing after dissolution. */
export function successorViolations(
  successor: SuccessorUnit | null,
  debarments: readonly Debarment[],
  asOf: string,
): ProgrammeViolation[] {
  if (successor === null || successor.organizationId.trim() === '')
    return [programmeRefusal('successorUnit', 'REQUIRED', '请指定继续承担项目的单位', ART_19)];
  const v = activeDebarmentsOf(debarments, [successor.organizationId], asOf).map((d) => ({
    field: 'successorUnit',
    rule: 'DEBARRED',
    article: d.article,
    message: debarmentRefusalMessage(d),
  }));
  if (successor.task.trim() === '')
    v.push(
      programmeRefusal('successorUnit.task', 'REQUIRED', `请填写「${successor.name}」承担的任务`, ART_19),
    );
  return v;
}
