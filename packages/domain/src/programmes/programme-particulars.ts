import { checkControlCharacters } from '../text/control-characters.js';
import { programmeRefusal, type ProgrammeViolation } from './programme-violation.js';

// The structured part of a kind's application form (its "particulars"): fields the kind asks for
// beyond the common frame and its written sections, declared as data beside the kind, so a new
// kind adds its fields without a new form, parser or column. International cooperation names its
// foreign partner, the partner's country or region and the mode of cooperation here.

type FieldBase = { key: string; label: string; required: boolean };

export type ParticularField =
  | (FieldBase & { type: 'text'; maxChars: number })
  /** One of the codes of `options` (code → Chinese label). */
  | (FieldBase & { type: 'oneOf'; options: Readonly<Record<string, string>> })
  /**
   * A code of `codes` (code → Chinese label, e.g. the ISO 3166-1 list); `excluded` names the
   * codes the kind refuses, with the reason shown.
   */
  | (FieldBase & {
      type: 'code';
      codes: Readonly<Record<string, string>>;
      excluded: readonly { code: string; reason: string }[];
    });

/** Every gap and malformed value of the kind's particulars, each naming its field and rule. */
export function particularsGaps(
  fields: readonly ParticularField[],
  values: Readonly<Record<string, string>>,
  basis: string,
): ProgrammeViolation[] {
  const v: ProgrammeViolation[] = [];
  for (const f of fields) {
    const field = `particulars.${f.key}`;
    const value = (values[f.key] ?? '').trim();
    if (value === '') {
      if (f.required) v.push(programmeRefusal(field, 'REQUIRED', `请填写${f.label}`, basis));
      continue;
    }
    switch (f.type) {
      case 'text':
        if ([...value].length > f.maxChars)
          v.push(programmeRefusal(field, 'TOO_LONG', `${f.label}不超过 ${f.maxChars} 字`, basis));
        else if (checkControlCharacters(value))
          v.push(programmeRefusal(field, 'CONTROL_CHARACTER', `${f.label}不能包含控制字符`, basis));
        break;
      case 'oneOf':
        if (!Object.hasOwn(f.options, value))
          v.push(
            programmeRefusal(
              field,
              'ONE_OF',
              `${f.label}应为${Object.values(f.options).join('、')}之一`,
              basis,
            ),
          );
        break;
      case 'code': {
        const excluded = f.excluded.find((e) => e.code === value);
        if (!Object.hasOwn(f.codes, value))
          v.push(programmeRefusal(field, 'UNKNOWN_CODE', `${f.label}不在标准代码表中`, basis));
        else if (excluded) v.push(programmeRefusal(field, 'EXCLUDED_CODE', excluded.reason, basis));
        break;
      }
    }
  }
  return v;
}

/** Values the kind does not declare: their keys, for the API to refuse as unknown. */
export function unknownParticulars(fields: readonly ParticularField[], keys: readonly string[]): string[] {
  const known = new Set(fields.map((f) => f.key));
  return keys.filter((k) => !known.has(k));
}
