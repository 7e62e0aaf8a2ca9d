import type { FieldViolation } from '../errors/error-codes.js';

// Every refusal of the support rules names the article it applies (Art. 14–20), like a filing's;
// the message ends with it, so a user reads the basis without looking it up.

/** A field violation with the article (or notice) it applies; the message ends with it. */
export type ProgrammeViolation = FieldViolation & { article: string };

export const ART_14 = '第十四条';
export const ART_18 = '第十八条';
export const ART_19 = '第十九条';
export const ART_20_2 = '第二十条第（二）项';
export const ART_20_3 = '第二十条第（三）项';

export function programmeRefusal(
  field: string,
  rule: string,
  text: string,
  article: string,
): ProgrammeViolation {
  return { field, rule, article, message: `${text}（${article}）` };
}
