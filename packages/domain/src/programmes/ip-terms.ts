import { checkControlCharacters } from '../text/control-characters.js';
import { ART_20_2, programmeRefusal, type ProgrammeViolation } from './programme-violation.js';

// Art. 20(2): the application and the task contract state who owns the results and IP, how they
// are licensed, how the benefits are shared, and what happens to them when the alliance dissolves
// or a member leaves; a project whose IP terms are unclear is not approved (不予立项). Benefit
// shares are integer basis points (万分之一), so "exactly 100 %" is an integer sum, never a float.

/** 10 000 basis points: the whole of the benefits. */
export const FULL_SHARE = 10_000;

export type BenefitShare = { organizationId: string; name: string; basisPoints: number };

/** The IP terms an application or task contract states. */
export type ProjectIpTerms = {
  ownership: string;
  licensing: string;
  benefitShares: BenefitShare[];
  onDissolution: string;
  onMemberExit: string;
};

/**
 * The IP clauses of the alliance agreement in effect (Art. 8(5), Art. 20(2)). The agreement's
 * benefit sharing is prose; the shares in figures are the application's.
 */
export type AgreementIpTerms = {
  version: number;
  ownership: string;
  licensing: string;
  benefitSharing: string;
  onDissolution: string;
  onMemberExit: string;
};

const CLAUSES = {
  ownership: '成果和知识产权的权利归属',
  licensing: '知识产权的许可实施',
  onDissolution: '联盟解散时的知识产权处理方案',
  onMemberExit: '成员退出时的知识产权处理方案',
} as const;

const AGREEMENT_CLAUSES = {
  ownership: CLAUSES.ownership,
  licensing: CLAUSES.licensing,
  benefitSharing: '知识产权的利益分配',
  onDissolution: CLAUSES.onDissolution,
  onMemberExit: CLAUSES.onMemberExit,
} as const;

export const CLAUSE_MAX_CHARS = 2000;

function clause(v: ProgrammeViolation[], field: string, value: string, label: string, where: string): void {
  const trimmed = value.trim();
  if (trimmed === '')
    v.push(programmeRefusal(field, 'IP_TERM_MISSING', `${where}未约定${label}，不予立项`, ART_20_2));
  else if ([...trimmed].length > CLAUSE_MAX_CHARS)
    v.push(programmeRefusal(field, 'TOO_LONG', `${label}不超过 ${CLAUSE_MAX_CHARS} 字`, ART_20_2));
  else if (checkControlCharacters(trimmed))
    v.push(programmeRefusal(field, 'CONTROL_CHARACTER', `${label}不能包含控制字符`, ART_20_2));
}

/** '3333' → '33.33 %'. */
export function formatShare(basisPoints: number): string {
  return `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')} %`;
}

/**
 * What the application's or the contract's IP terms lack: each clause stated, and shares held by
 * the project's participants, each a whole number of basis points, summing to exactly 100 %.
 */
export function ipTermsViolations(
  terms: ProjectIpTerms,
  participantIds: readonly string[],
  where: '申请书' | '任务书',
  prefix = 'ipTerms',
): ProgrammeViolation[] {
  const v: ProgrammeViolation[] = [];
  for (const key of Object.keys(CLAUSES) as (keyof typeof CLAUSES)[])
    clause(v, `${prefix}.${key}`, terms[key], CLAUSES[key], where);
  const shares = terms.benefitShares;
  if (shares.length === 0) {
    v.push(
      programmeRefusal(
        `${prefix}.benefitShares`,
        'IP_TERM_MISSING',
        `${where}未约定各参与单位的利益分配比例，不予立项`,
        ART_20_2,
      ),
    );
    return v;
  }
  const seen = new Set<string>();
  shares.forEach((share, i) => {
    const field = `${prefix}.benefitShares.${i}`;
    if (!Number.isInteger(share.basisPoints) || share.basisPoints < 1 || share.basisPoints > FULL_SHARE)
      v.push(
        programmeRefusal(
          `${field}.basisPoints`,
          'SHARE_RANGE',
          `「${share.name}」的分配比例应在 0.01 % 至 100 % 之间，精确到 0.01 %`,
          ART_20_2,
        ),
      );
    if (!participantIds.includes(share.organizationId))
      v.push(
        programmeRefusal(
          `${field}.organizationId`,
          'SHARE_NOT_PARTICIPANT',
          `「${share.name}」不是项目参与单位，不能分享项目收益`,
          ART_20_2,
        ),
      );
    if (seen.has(share.organizationId))
      v.push(
        programmeRefusal(
          `${field}.organizationId`,
          'SHARE_DUPLICATE',
          `「${share.name}」的分配比例重复填写`,
          ART_20_2,
        ),
      );
    seen.add(share.organizationId);
  });
  const total = shares.reduce((sum, s) => sum + (Number.isInteger(s.basisPoints) ? s.basisPoints : 0), 0);
  if (total !== FULL_SHARE)
    v.push(
      programmeRefusal(
        `${prefix}.benefitShares`,
        'SHARES_SUM_100',
        `各参与单位的利益分配比例之和应为 100 %（现为 ${formatShare(total)}）`,
        ART_20_2,
      ),
    );
  return v;
}

/** What the agreement in effect lacks of the IP terms; none in effect is refused as such. */
export function agreementIpViolations(agreement: AgreementIpTerms | null): ProgrammeViolation[] {
  if (agreement === null)
    return [
      programmeRefusal(
        'agreement',
        'NO_AGREEMENT_IN_EFFECT',
        '联盟没有全体成员签署生效的联盟协议，知识产权约定无从确认',
        ART_20_2,
      ),
    ];
  // The agreement's own limits are the register's business; here only whether it says anything.
  return (Object.keys(AGREEMENT_CLAUSES) as (keyof typeof AGREEMENT_CLAUSES)[])
    .filter((key) => agreement[key].trim() === '')
    .map((key) =>
      programmeRefusal(
        `agreement.${key}`,
        'IP_TERM_MISSING',
        `联盟协议（第 ${agreement.version} 版）未约定${AGREEMENT_CLAUSES[key]}，不予立项`,
        ART_20_2,
      ),
    );
}
