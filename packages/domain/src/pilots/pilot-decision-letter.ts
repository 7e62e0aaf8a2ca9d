import type { PilotDecisionBasis } from './pilot-decision-basis.js';
import type { PilotLevel } from './pilot-labels.js';

// The tier as a decision names it (省级试点联盟); PILOT_LEVEL_LABELS already end in 试点.
const TIER: Record<PilotLevel, string> = { PROVINCIAL: '省级', CITY: '市级' };

/** '2027-03-15' → '2027年3月15日', as dates are written on official documents. */
export function officialDate(date: string | null | undefined): string {
  const [y, m, d] = (date ?? '').slice(0, 10).split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : '—';
}

export type PilotDecisionFacts = {
  approved: boolean;
  /** The deciding authority's bureau, which signs. */
  authorityName: string;
  /** The applicant city's bureau, to whom the decision is addressed. */
  applicantBureauName: string;
  allianceName: string;
  level: PilotLevel;
  callTitle: string;
  basis: PilotDecisionBasis | null;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  reason: string | null;
  /** China calendar date of the decision. */
  decidedOn: string | null;
};

/** A decision as it is printed and stored: the same words on paper and in the PDF. */
export type DecisionLetter = {
  department: string;
  title: string;
  addressee: string;
  paragraphs: string[];
  signatory: string;
  date: string;
  /** A line under the title (a certificate's number). */
  subtitle?: string;
  /** Label–value rows under the paragraphs (a certificate's particulars). */
  rows?: [string, string][];
};

/** 决定: the authority's decision on a pilot application, with its basis (the review and the notice). */
export function pilotDecisionLetter(f: PilotDecisionFacts): DecisionLetter {
  const tier = TIER[f.level];
  const review =
    f.basis && f.basis.sheets > 0
      ? `、专家评审（${f.basis.sheets} 份评分表，汇总总分 ${f.basis.total?.toFixed(2) ?? '—'} 分，合格线 ${f.basis.passMark?.toFixed(2) ?? '—'} 分）`
      : '';
  const notice = f.noticeStartsOn
    ? `和公示（${officialDate(f.noticeStartsOn)}至${officialDate(f.noticeEndsOn)}）`
    : '';
  const outcome = f.approved ? `决定确认其为${tier}产业技术创新战略联盟试点。` : '决定不予确认。';
  return {
    department: f.authorityName,
    title: `关于${f.approved ? '确认' : '不予确认'}${f.allianceName}为${tier}试点联盟的决定`,
    addressee: `${f.applicantBureauName}：`,
    paragraphs: [
      `你单位推荐的${f.allianceName}申报${tier}试点（${f.callTitle}），经形式审查${review}${notice}，${outcome}`,
      ...(f.reason ? [f.reason] : []),
      '特此决定。',
    ],
    signatory: f.authorityName,
    date: officialDate(f.decidedOn),
  };
}

/** Where a decision's PDF stands: being rendered, kept with its SHA-256, or missing with a reason. */
export const DECISION_PDF_STATE_LABELS = {
  PENDING: '生成中',
  STORED: '已生成',
  MISSING: '未生成',
} as const;
export type DecisionPdfState = keyof typeof DECISION_PDF_STATE_LABELS;
