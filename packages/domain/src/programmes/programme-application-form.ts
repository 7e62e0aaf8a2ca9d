import { isCalendarDate } from '../calendar/calendar-date.js';
import { isFen } from '../money/fen.js';
import { checkControlCharacters } from '../text/control-characters.js';
import type { ProjectIpTerms } from './ip-terms.js';
import {
  PROGRAMME_DOCUMENT_KIND_LABELS,
  PROGRAMME_KINDS,
  type ProgrammeDocumentKind,
  type ProgrammeKind,
} from './programme-kinds.js';
import { particularsGaps } from './programme-particulars.js';
import { programmeRefusal, type ProgrammeViolation } from './programme-violation.js';

// The application form of a programme, the same frame for every kind (title, period, support
// asked, responsible unit and person, participants and their tasks, IP terms) with the written
// parts and documents its kind asks for. Completeness is checked here; who may apply, the IP
// terms, Art. 18 and the ratio are programme-eligibility.ts's.

export type ProjectParticipant = { organizationId: string; name: string; task: string };

export type ProgrammeApplicationForm = {
  title: string;
  startOn: string;
  endOn: string;
  requestedSupportFen: string;
  /** The unit responsible for the project: the alliance's chair unit (Art. 18). */
  responsibleUnit: { organizationId: string; name: string } | null;
  /** 项目负责人: the person leading the project for the responsible unit. */
  responsiblePerson: string;
  /** The units taking part, the responsible unit among them, each with its task. */
  participants: ProjectParticipant[];
  ipTerms: ProjectIpTerms;
  /** The kind's written parts, by section key. */
  sections: Record<string, string>;
  /** The kind's structured fields, by key (programme-particulars.ts); empty for kinds without. */
  particulars: Record<string, string>;
  documentKinds: ProgrammeDocumentKind[];
};

/** What a call asks of the form beyond its kind: its own document list, named by its notice. */
export type ProgrammeCallRequirements = {
  /** The call's notice (document number or title), the basis a missing document is refused on. */
  notice: string;
  requiredDocuments: readonly ProgrammeDocumentKind[];
};

export const TITLE_MAX_CHARS = 100;
export const PERSON_MAX_CHARS = 40;
export const TASK_MAX_CHARS = 500;

/** What a call of the kind asks for unless its notice says otherwise. */
export function defaultCallDocuments(kind: ProgrammeKind): ProgrammeDocumentKind[] {
  return [...PROGRAMME_KINDS[kind].requiredDocuments];
}

/** What keeps the form from being sent: each gap named, with the article or notice asking for it. */
export function applicationFormGaps(
  kind: ProgrammeKind,
  form: ProgrammeApplicationForm,
  call: ProgrammeCallRequirements,
): ProgrammeViolation[] {
  const info = PROGRAMME_KINDS[kind];
  const basis = info.article;
  const v: ProgrammeViolation[] = [];
  const text = (field: string, value: string, label: string, maxChars: number, required = true) => {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (required) v.push(programmeRefusal(field, 'REQUIRED', `请填写${label}`, basis));
    } else if ([...trimmed].length > maxChars)
      v.push(programmeRefusal(field, 'TOO_LONG', `${label}不超过 ${maxChars} 字`, basis));
    else if (checkControlCharacters(trimmed))
      v.push(programmeRefusal(field, 'CONTROL_CHARACTER', `${label}不能包含控制字符`, basis));
  };

  text('title', form.title, '项目名称', TITLE_MAX_CHARS);
  const startValid = isCalendarDate(form.startOn);
  const endValid = isCalendarDate(form.endOn);
  if (!startValid) v.push(programmeRefusal('startOn', 'DATE', '请填写项目开始日期', basis));
  if (!endValid) v.push(programmeRefusal('endOn', 'DATE', '请填写项目结束日期', basis));
  if (startValid && endValid && form.endOn <= form.startOn)
    v.push(programmeRefusal('endOn', 'AFTER_START', '项目结束日期应晚于开始日期', basis));
  if (info.outcome === 'PLATFORM') {
    // Recognition asks for no money: the amount stays zero.
    if (form.requestedSupportFen !== '0')
      v.push(
        programmeRefusal('requestedSupportFen', 'ZERO_FEN', '平台认定不申请经费，申请支持金额应为 0', basis),
      );
  } else if (!isFen(form.requestedSupportFen) || BigInt(form.requestedSupportFen) === 0n)
    v.push(
      programmeRefusal('requestedSupportFen', 'POSITIVE_FEN', '申请支持金额应为大于零的金额（分）', basis),
    );
  if (form.responsibleUnit === null)
    v.push(programmeRefusal('responsibleUnit', 'REQUIRED', '请指定项目承担单位', basis));
  text('responsiblePerson', form.responsiblePerson, '项目负责人', PERSON_MAX_CHARS);

  if (form.participants.length === 0)
    v.push(programmeRefusal('participants', 'REQUIRED', '请列出项目参与单位及其任务分工', basis));
  const seen = new Set<string>();
  form.participants.forEach((p, i) => {
    text(`participants.${i}.task`, p.task, `「${p.name}」的任务分工`, TASK_MAX_CHARS);
    if (seen.has(p.organizationId))
      v.push(programmeRefusal(`participants.${i}`, 'DUPLICATE', `「${p.name}」重复列出`, basis));
    seen.add(p.organizationId);
  });
  if (form.responsibleUnit !== null && !seen.has(form.responsibleUnit.organizationId))
    v.push(
      programmeRefusal(
        'participants',
        'RESPONSIBLE_UNIT_NOT_PARTICIPANT',
        `承担单位「${form.responsibleUnit.name}」应列为项目参与单位`,
        basis,
      ),
    );

  for (const s of info.sections)
    text(`sections.${s.key}`, form.sections[s.key] ?? '', s.label, s.maxChars, s.required);
  v.push(...particularsGaps(info.particulars, form.particulars, basis));

  // The call's notice is what asks for the documents: it is the basis named.
  for (const kindOfDocument of new Set(call.requiredDocuments))
    if (!form.documentKinds.includes(kindOfDocument))
      v.push(
        programmeRefusal(
          `documents.${kindOfDocument}`,
          'REQUIRED_DOCUMENT',
          `申报通知要求提交${PROGRAMME_DOCUMENT_KIND_LABELS[kindOfDocument]}，尚未附上`,
          call.notice,
        ),
      );
  return v;
}
