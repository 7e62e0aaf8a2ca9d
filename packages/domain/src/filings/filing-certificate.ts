import { type DecisionLetter, officialDate } from '../pilots/pilot-decision-letter.js';
import { findDivision, PROVINCE_CODE } from '../tenancy/divisions.js';
import { ART_21 } from './filing-eligibility.js';

export type FilingCertificateFacts = {
  allianceName: string;
  cityName: string;
  filingNumber: string;
  filedOn: string | null;
  validThrough: string | null;
  roundDocumentNumber: string;
  /** The provincial measures' document number the filing was made under, when the snapshot names it. */
  measuresDocumentNumber: string | null;
};

/** 备案证明: the province's certificate of a filing in force, the same words printed and stored as PDF. */
export function filingCertificate(f: FilingCertificateFacts): DecisionLetter {
  const department = findDivision(PROVINCE_CODE)?.bureauName ?? '';
  const basis = f.measuresDocumentNumber
    ? `省实施办法（${f.measuresDocumentNumber}）${ART_21}`
    : `省实施办法${ART_21}`;
  return {
    department,
    title: '产业技术创新战略联盟备案证明',
    subtitle: f.filingNumber,
    addressee: '',
    paragraphs: [`${f.allianceName}经${f.cityName}推荐，根据${basis}，已在${department}备案。特此证明。`],
    rows: [
      ['联盟名称', f.allianceName],
      ['所在市州', f.cityName],
      ['备案号', f.filingNumber],
      ['备案日期', officialDate(f.filedOn)],
      ['有效期至', officialDate(f.validThrough)],
      ['备案批次', f.roundDocumentNumber],
    ],
    signatory: department,
    date: officialDate(f.filedOn),
  };
}
