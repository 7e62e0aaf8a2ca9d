import { formatYuan } from '../money/fen.js';
import { type DecisionLetter, officialDate } from '../pilots/pilot-decision-letter.js';

export type ProgrammeDecisionFacts = {
  awarded: boolean;
  /** The deciding authority's bureau, which signs. */
  authorityName: string;
  /** The applicant city's bureau, to whom the decision is addressed. */
  applicantBureauName: string;
  programmeName: string;
  callTitle: string;
  allianceName: string;
  /** The project's (or platform's) title as frozen in the application. */
  title: string;
  /** The support awarded, in fen; null for a decline or a recognition (认定 awards no money). */
  awardFen: string | null;
  /** A recognition (Art. 15) rather than a project. */
  recognition: boolean;
  reason: string | null;
  /** China calendar date of the decision. */
  decidedOn: string | null;
};

/** 决定: the authority's award (立项 or 认定) or decline of a programme application. */
export function programmeDecisionLetter(f: ProgrammeDecisionFacts): DecisionLetter {
  const verb = f.recognition ? '认定' : '立项';
  const decided = f.awarded ? `予以${verb}` : `不予${verb}`;
  const support = f.awarded && f.awardFen !== null ? `，支持经费 ${formatYuan(f.awardFen)}` : '';
  return {
    department: f.authorityName,
    title: `关于「${f.title}」${decided}的决定`,
    addressee: `${f.applicantBureauName}：`,
    paragraphs: [
      `你单位${f.allianceName}申报的「${f.title}」（${f.programmeName}，${f.callTitle}），经审查，决定${decided}${support}。`,
      ...(f.reason ? [f.reason] : []),
      '特此决定。',
    ],
    signatory: f.authorityName,
    date: officialDate(f.decidedOn),
  };
}
