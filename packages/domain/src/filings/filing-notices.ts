import type { MessageKind } from '../messages/message-kinds.js';
import type { FilingAction } from './filing-workflow.js';

// Which steps of a filing tell whom: the filing city hears every decision on its filing, the
// province hears of a filing or a change arriving and of a filing withdrawn.
export type FilingNoticeAudience = 'FILING_CITY' | 'PROVINCE';

type FilingNotice = { kind: MessageKind; to: FilingNoticeAudience; headline: string; outcome: string };

export const FILING_NOTICES: Partial<Record<FilingAction, FilingNotice>> = {
  SUBMIT: {
    kind: 'FILING_SUBMITTED',
    to: 'PROVINCE',
    headline: '收到备案',
    outcome: '已提交，请进行形式审查',
  },
  SUBMIT_CHANGE: {
    kind: 'FILING_CHANGE',
    to: 'PROVINCE',
    headline: '收到变更备案',
    outcome: '提交了变更备案',
  },
  WITHDRAW: { kind: 'FILING_WITHDRAWN', to: 'PROVINCE', headline: '备案已撤回', outcome: '已由市州撤回' },
  RETURN: { kind: 'FILING_RETURNED', to: 'FILING_CITY', headline: '备案被退回', outcome: '被退回修改' },
  REFUSE: { kind: 'FILING_REFUSED', to: 'FILING_CITY', headline: '不予备案', outcome: '不予备案' },
  LAPSE: {
    kind: 'FILING_REFUSED',
    to: 'FILING_CITY',
    headline: '备案逾期未补正',
    outcome: '逾期未补正，不予备案',
  },
  FILE: { kind: 'FILING_FILED', to: 'FILING_CITY', headline: '已备案', outcome: '已予以备案' },
  ACCEPT_CHANGE: {
    kind: 'FILING_CHANGE',
    to: 'FILING_CITY',
    headline: '变更备案已同意',
    outcome: '的变更已同意',
  },
  RETURN_CHANGE: {
    kind: 'FILING_CHANGE',
    to: 'FILING_CITY',
    headline: '变更备案被退回',
    outcome: '的变更被退回',
  },
  SUSPEND: { kind: 'FILING_SUSPENDED', to: 'FILING_CITY', headline: '备案已暂停', outcome: '已暂停' },
  REINSTATE: { kind: 'FILING_REINSTATED', to: 'FILING_CITY', headline: '备案已恢复', outcome: '已恢复' },
  REVOKE: { kind: 'FILING_REVOKED', to: 'FILING_CITY', headline: '备案已撤销', outcome: '已撤销' },
  REVOKE_ON_DISSOLUTION: {
    kind: 'FILING_REVOKED',
    to: 'FILING_CITY',
    headline: '备案因联盟解散撤销',
    outcome: '因联盟解散已撤销',
  },
};

/** The title and body of the notice of `action`; null for a step nobody is told of. */
export function filingNoticeText(
  action: FilingAction,
  facts: { allianceName: string; filingNumber: string | null; text: string },
): { title: string; body: string } | null {
  const notice = FILING_NOTICES[action];
  if (!notice) return null;
  const number = action === 'FILE' && facts.filingNumber ? `，备案号 ${facts.filingNumber}` : '';
  return {
    title: `${notice.headline}：${facts.allianceName}`,
    body: `「${facts.allianceName}」的备案${notice.outcome}${number}${facts.text ? `：${facts.text}` : '。'}`,
  };
}
