import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../documents/document-file.js';
import type { FieldViolation } from '../errors/error-codes.js';

// What a dossier must hold before it leaves the applicant side: the application form's written
// parts and every document the call requires (Art. 10: 申报书、可行性报告、联盟协议及相关材料).

export type DossierForm = {
  goals: string;
  workPlan: string;
  expectedResults: string;
  contactName: string;
  contactPhone: string;
};

const FORM_FIELDS: readonly (readonly [keyof DossierForm, string])[] = [
  ['goals', '联盟建设目标'],
  ['workPlan', '工作方案'],
  ['expectedResults', '预期成果'],
  ['contactName', '联系人'],
  ['contactPhone', '联系电话'],
];

/** Every gap of the dossier, one violation each; empty when it may be submitted. */
export function dossierGaps(
  form: DossierForm,
  attachedKinds: readonly DocumentKind[],
  requiredDocuments: readonly DocumentKind[],
): FieldViolation[] {
  const gaps: FieldViolation[] = [];
  for (const [field, label] of FORM_FIELDS) {
    if (!form[field].trim())
      gaps.push({ field: `form.${field}`, rule: 'REQUIRED', message: `请填写${label}` });
  }
  for (const kind of new Set(requiredDocuments)) {
    if (!attachedKinds.includes(kind))
      gaps.push({
        field: `documents.${kind}`,
        rule: 'REQUIRED_DOCUMENT',
        message: `申报通知要求提交${DOCUMENT_KIND_LABELS[kind]}，尚未附上`,
      });
  }
  return gaps;
}
