import type { MessageKind } from '../messages/message-kinds.js';
import type { PilotAction } from './pilot-transitions.js';

// Which steps of a pilot application tell whom: the applicant side hears the outcome of every
// decision on its application, the authority hears of a recommendation arriving.
export type PilotNoticeAudience = 'APPLICANT' | 'AUTHORITY';

type PilotNotice = {
  kind: MessageKind;
  to: PilotNoticeAudience;
  /** The title's lead and what happened to the application, as the body says it. */
  headline: string;
  outcome: string;
};

export const PILOT_NOTICES: Partial<Record<PilotAction, PilotNotice>> = {
  RECOMMEND: {
    kind: 'PILOT_RECOMMENDED',
    to: 'AUTHORITY',
    headline: '收到试点申报推荐',
    outcome: '已推荐，请进行形式审查',
  },
  RETURN: { kind: 'PILOT_RETURNED', to: 'APPLICANT', headline: '试点申报被退回', outcome: '被退回修改' },
  REFUSE: { kind: 'PILOT_REFUSED', to: 'APPLICANT', headline: '试点申报不予受理', outcome: '不予受理' },
  APPROVE: {
    kind: 'PILOT_APPROVED',
    to: 'APPLICANT',
    headline: '试点申报已确认',
    outcome: '已确认为试点联盟',
  },
  DECLINE: { kind: 'PILOT_DECLINED', to: 'APPLICANT', headline: '试点申报未获确认', outcome: '不予确认' },
};

export type PilotNoticeFacts = { allianceName: string | null; callTitle: string; text: string };

/** The title and body of the notice of `action`, in the words an officer expects; null for a step nobody is told of. */
export function pilotNoticeText(
  action: PilotAction,
  facts: PilotNoticeFacts,
): { title: string; body: string } | null {
  const notice = PILOT_NOTICES[action];
  if (!notice) return null;
  const alliance = facts.allianceName ?? '联盟';
  const subject = `${facts.allianceName ? `「${facts.allianceName}」` : '联盟'}的试点申报（${facts.callTitle}）`;
  return {
    title: `${notice.headline}：${alliance}`,
    body: `${subject}${notice.outcome}${facts.text ? `：${facts.text}` : '。'}`,
  };
}
