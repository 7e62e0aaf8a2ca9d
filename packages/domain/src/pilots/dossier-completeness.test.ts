import { describe, expect, it } from 'vitest';
import { type DossierForm, dossierGaps } from './dossier-completeness.js';

const complete: DossierForm = {
  goals: '突破轨道交通核心部件',
  workPlan: '三年分两期实施',
  expectedResults: '制定标准 3 项',
  contactName: '李明',
  contactPhone: '0731-22880000',
};

describe('dossierGaps', () => {
  it('finds nothing in a complete dossier with the required documents', () => {
    expect(dossierGaps(complete, ['FEASIBILITY_REPORT', 'ATTACHMENT'], ['FEASIBILITY_REPORT'])).toEqual([]);
  });

  it.each([
    ['goals', 'form.goals', '请填写联盟建设目标'],
    ['workPlan', 'form.workPlan', '请填写工作方案'],
    ['expectedResults', 'form.expectedResults', '请填写预期成果'],
    ['contactName', 'form.contactName', '请填写联系人'],
    ['contactPhone', 'form.contactPhone', '请填写联系电话'],
  ] as const)('names a blank %s', (key, field, message) => {
    expect(dossierGaps({ ...complete, [key]: '  ' }, [], [])).toEqual([{ field, rule: 'REQUIRED', message }]);
  });

  it('names each required document that is missing, once', () => {
    expect(
      dossierGaps(complete, ['ATTACHMENT'], ['FEASIBILITY_REPORT', 'AGREEMENT_SCAN', 'FEASIBILITY_REPORT']),
    ).toEqual([
      {
        field: 'documents.FEASIBILITY_REPORT',
        rule: 'REQUIRED_DOCUMENT',
        message: '申报通知要求提交组建可行性报告，尚未附上',
      },
      {
        field: 'documents.AGREEMENT_SCAN',
        rule: 'REQUIRED_DOCUMENT',
        message: '申报通知要求提交联盟协议扫描件，尚未附上',
      },
    ]);
  });
});
