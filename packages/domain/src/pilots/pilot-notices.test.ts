import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../messages/message-kinds.js';
import { PILOT_NOTICES, pilotNoticeText } from './pilot-notices.js';
import { PILOT_WORKFLOW, type PilotAction } from './pilot-transitions.js';

const facts = {
  allianceName: '湖南先进轨道交通装备产业技术创新战略联盟',
  callTitle: '2027 年省级试点联盟申报',
  text: '请补充协议扫描件',
};

describe('pilot notices', () => {
  it('tells the applicant of every decision that ends or sends back its application', () => {
    const decisions: PilotAction[] = ['RETURN', 'REFUSE', 'APPROVE', 'DECLINE'];
    for (const action of decisions) expect(PILOT_NOTICES[action]?.to).toBe('APPLICANT');
    expect(PILOT_NOTICES.RECOMMEND?.to).toBe('AUTHORITY');
  });

  it('names only actions of the workflow and kinds of the message centre', () => {
    for (const [action, notice] of Object.entries(PILOT_NOTICES)) {
      expect(Object.keys(PILOT_WORKFLOW.actions)).toContain(action);
      expect(Object.keys(MESSAGE_KINDS)).toContain(notice.kind);
    }
  });

  it.each([
    ['RETURN', '试点申报被退回：湖南先进轨道交通装备产业技术创新战略联盟', '被退回修改：请补充协议扫描件'],
    [
      'APPROVE',
      '试点申报已确认：湖南先进轨道交通装备产业技术创新战略联盟',
      '已确认为试点联盟：请补充协议扫描件',
    ],
    [
      'RECOMMEND',
      '收到试点申报推荐：湖南先进轨道交通装备产业技术创新战略联盟',
      '已推荐，请进行形式审查：请补充',
    ],
  ] as const)('words the notice of %s', (action, title, inBody) => {
    const text = pilotNoticeText(action, facts)!;
    expect(text.title).toBe(title);
    expect(text.body).toContain(inBody);
    expect(text.body).toContain('（2027 年省级试点联盟申报）');
  });

  it('tells nobody of the steps without a notice', () => {
    expect(pilotNoticeText('SUBMIT', facts)).toBeNull();
    expect(pilotNoticeText('START_REVIEW', facts)).toBeNull();
  });

  it('ends with a full stop when no reason was given, and says 联盟 when the name is unknown', () => {
    expect(pilotNoticeText('DECLINE', { allianceName: null, callTitle: '通知', text: '' })).toEqual({
      title: '试点申报未获确认：联盟',
      body: '联盟的试点申报（通知）不予确认。',
    });
  });
});
