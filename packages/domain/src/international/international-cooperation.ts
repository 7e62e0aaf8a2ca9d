import type { ParticularField } from '../programmes/programme-particulars.js';
import { CHINA_CODE, COUNTRY_NAMES } from './countries.js';

// International S&T cooperation projects (Art. 16): a programme kind whose form names the foreign
// partner, its country or region and the mode of cooperation, on top of the common frame (the
// member units undertaking it are the form's participants, the agreement a document of the
// dossier). The kind's entry in programme-kinds.ts takes these particulars.

export const ART_16 = '第十六条';

export const CooperationMode = {
  JOINT_RESEARCH: 'JOINT_RESEARCH',
  TECHNOLOGY_INTRODUCTION: 'TECHNOLOGY_INTRODUCTION',
  TALENT_EXCHANGE: 'TALENT_EXCHANGE',
  JOINT_BASE: 'JOINT_BASE',
} as const;
export type CooperationMode = (typeof CooperationMode)[keyof typeof CooperationMode];

export const COOPERATION_MODE_LABELS: Record<CooperationMode, string> = {
  JOINT_RESEARCH: '联合研发',
  TECHNOLOGY_INTRODUCTION: '技术引进',
  TALENT_EXCHANGE: '人才交流',
  JOINT_BASE: '共建基地',
};

export const PARTNER_NAME_MAX_CHARS = 200;

/** The particulars of an international cooperation application, by key. */
export const INTERNATIONAL_PARTICULARS: readonly ParticularField[] = [
  {
    key: 'partnerName',
    label: '外方合作单位',
    required: true,
    type: 'text',
    maxChars: PARTNER_NAME_MAX_CHARS,
  },
  {
    key: 'partnerCountry',
    label: '外方所在国家或地区',
    required: true,
    type: 'code',
    codes: COUNTRY_NAMES,
    excluded: [{ code: CHINA_CODE, reason: '外方合作单位应在境外（含港澳台地区），不能是中国内地单位' }],
  },
  {
    key: 'mode',
    label: '合作方式',
    required: true,
    type: 'oneOf',
    options: COOPERATION_MODE_LABELS,
  },
];

/** The foreign partner and mode as an application's form records them. */
export type InternationalParticulars = {
  partnerName: string;
  partnerCountry: string;
  mode: CooperationMode | null;
};

export function internationalParticularsOf(
  values: Readonly<Record<string, string>>,
): InternationalParticulars {
  const mode = values.mode ?? '';
  return {
    partnerName: values.partnerName ?? '',
    partnerCountry: values.partnerCountry ?? '',
    mode: Object.hasOwn(COOPERATION_MODE_LABELS, mode) ? (mode as CooperationMode) : null,
  };
}
