import { describe, expect, it } from 'vitest';
import { FILING_NOTICES, filingNoticeText } from './filing-notices.js';
import { FILING_WORKFLOW } from './filing-workflow.js';

describe('filing notices', () => {
  it('tells the city its number when filed, and the reason of a return', () => {
    expect(
      filingNoticeText('FILE', {
        allianceName: '株洲轨道交通联盟',
        filingNumber: '湘盟备〔2027〕3号',
        text: '',
      }),
    ).toEqual({
      title: '已备案：株洲轨道交通联盟',
      body: '「株洲轨道交通联盟」的备案已予以备案，备案号 湘盟备〔2027〕3号。',
    });
    expect(
      filingNoticeText('RETURN', { allianceName: 'A', filingNumber: null, text: '缺推荐函' })?.body,
    ).toBe('「A」的备案被退回修改：缺推荐函');
  });

  it('says nothing of steps nobody is told of', () => {
    expect(filingNoticeText('ACCEPT', { allianceName: 'A', filingNumber: null, text: '' })).toBeNull();
  });

  it('only names actions the workflow has, each told to the other side of the one who acts', () => {
    for (const [action, notice] of Object.entries(FILING_NOTICES)) {
      const actors = FILING_WORKFLOW.transitions.filter((t) => t.action === action).flatMap((t) => t.actors);
      expect(actors.length).toBeGreaterThan(0);
      if (notice.to === 'PROVINCE') expect(actors).toEqual(expect.arrayContaining(['FILING_CITY']));
      else expect(actors).not.toContain('FILING_CITY');
    }
  });
});
