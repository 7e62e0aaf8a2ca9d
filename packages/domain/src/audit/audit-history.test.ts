import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditChanges,
  auditFieldLabel,
  auditValue,
  isAuditHistorySubject,
  knownAuditActions,
} from './audit-history.js';

describe('auditActionLabel', () => {
  it.each([
    ['alliance.register', '登记联盟'],
    ['alliance.update', '修改联盟信息'],
    ['pilot_application.submit', '提交'],
    ['pilot_application.recommend', '推荐'],
    ['pilot_application.return', '退回修改'],
    ['programme_application.save_form', '保存申报书'],
    ['project.open', '立项'],
    ['project.disburse', '拨付经费'],
    ['user.set_roles', '设置角色'],
    // An action no table knows shows its code rather than nothing.
    ['something.new', 'something.new'],
    ['pilot_application.no_such_step', 'pilot_application.no_such_step'],
  ])('%s → %s', (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });

  it('labels every action it offers as a filter in Chinese', () => {
    const actions = knownAuditActions();
    expect(actions).toContain('filing.submit');
    for (const action of actions) expect(auditActionLabel(action)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('auditValue', () => {
  it.each([
    ['alliance', 'budgetFen', '123456789', '1,234,567.89 元'],
    ['project', 'amountFen', 500, '5.00 元'],
    ['alliance', 'status', 'ESTABLISHED', '已成立'],
    ['pilot_application', 'state', 'RECOMMENDED', '已推荐'],
    ['project', 'state', 'IN_PROGRESS', '实施中'],
    ['alliance', 'role', 'VICE_CHAIR', '副理事长单位'],
    ['organization', 'type', 'UNIVERSITY', '高等院校'],
    ['user', 'roles', ['CITY_ADMIN', 'CITY_OFFICER'], '市州管理员、市州业务人员'],
    ['user', 'disabled', true, '是'],
    ['alliance', 'foundedOn', '2025-03-01', '2025-03-01'],
    // Instants are China time: 16:30 UTC is half past midnight the next day.
    ['pilot_call', 'closesAt', '2026-01-31T16:30:00.000Z', '2026-02-01 00:30'],
    ['alliance', 'name', '湘盟测试联盟', '湘盟测试联盟'],
    ['alliance', 'objectives', '', null],
    ['alliance', 'objectives', null, null],
    ['alliance', 'bodies', [{ kind: 'DECISION' }, { kind: 'ADVISORY' }], '2 项'],
    ['alliance', 'basis', { article: '第八条', provinceMeasuresId: 'x' }, '条款：第八条'],
  ])('%s %s %j → %s', (subject, key, value, shown) => {
    expect(auditValue(subject, key, value)).toBe(shown);
  });

  it('leaves a status it does not know as its code', () => {
    expect(auditValue('alliance', 'status', 'NEW_STATUS')).toBe('NEW_STATUS');
  });
});

describe('auditChanges', () => {
  it('shows only the fields an edit changed, labelled in Chinese', () => {
    const changes = auditChanges(
      'alliance',
      { name: '旧名', industryCode: 'A01', foundedOn: '2024-01-01', status: 'FORMING' },
      { name: '新名', industryCode: 'A01', foundedOn: '2024-01-01', status: 'ESTABLISHED' },
    );
    expect(changes).toEqual([
      { field: 'name', label: '名称', before: '旧名', after: '新名' },
      { field: 'status', label: '状态', before: '筹建中', after: '已成立' },
    ]);
  });

  it('shows all of a one-sided event and hides identifiers', () => {
    const changes = auditChanges('project', null, {
      state: 'IN_PROGRESS',
      programmeId: '7b0c…',
      applicationId: '8c1d…',
      budgetFen: '1000000',
    });
    expect(changes).toEqual([
      { field: 'state', label: '状态', before: null, after: '实施中' },
      { field: 'budgetFen', label: '预算', before: null, after: '10,000.00 元' },
    ]);
  });

  it('shows a workflow step from one state to the next, with its reason', () => {
    expect(auditChanges('pilot_application', { state: 'SUBMITTED' }, { state: 'RETURNED', reason: '材料不全' })).toEqual([
      { field: 'state', label: '状态', before: '已提交推荐单位', after: '退回修改' },
      { field: 'reason', label: '理由', before: null, after: '材料不全' },
    ]);
  });

  it('shows a side that is not an object as one field, and nothing for no sides', () => {
    expect(auditChanges('alliance', null, '备注文字')).toEqual([
      { field: 'value', label: '内容', before: null, after: '备注文字' },
    ]);
    expect(auditChanges('alliance', null, null)).toEqual([]);
  });

  it('labels the usual fields in Chinese', () => {
    for (const key of ['state', 'name', 'reason', 'budgetFen', 'joinedOn', 'roles']) {
      expect(auditFieldLabel(key)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('isAuditHistorySubject', () => {
  it.each([
    ['alliance', true],
    ['filing', true],
    ['project', true],
    ['user', false],
    ['', false],
  ])('%s → %s', (subject, ok) => {
    expect(isAuditHistorySubject(subject)).toBe(ok);
  });
});
