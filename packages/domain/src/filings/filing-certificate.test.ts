import { describe, expect, it } from 'vitest';
import { filingCertificate } from './filing-certificate.js';

const facts = {
  allianceName: '株洲轨道交通装备产业技术创新战略联盟',
  cityName: '株洲市',
  filingNumber: '湘盟备〔2027〕3号',
  filedOn: '2027-04-02',
  validThrough: '2030-04-01',
  roundDocumentNumber: '湘科函〔2027〕8号',
  measuresDocumentNumber: '湘科发〔2026〕1号',
};

describe('filingCertificate', () => {
  it('certifies the filing under the measures, numbered, with its particulars, signed by the province', () => {
    const c = filingCertificate(facts);
    expect([c.department, c.signatory]).toEqual(['湖南省科学技术厅', '湖南省科学技术厅']);
    expect(c.subtitle).toBe('湘盟备〔2027〕3号');
    expect(c.paragraphs).toEqual([
      '株洲轨道交通装备产业技术创新战略联盟经株洲市推荐，根据省实施办法（湘科发〔2026〕1号）第二十一条，已在湖南省科学技术厅备案。特此证明。',
    ]);
    expect(c.rows).toContainEqual(['有效期至', '2030年4月1日']);
    expect(c.date).toBe('2027年4月2日');
  });

  it('names the measures without a number when the snapshot has none', () => {
    expect(filingCertificate({ ...facts, measuresDocumentNumber: null }).paragraphs[0]).toContain(
      '根据省实施办法第二十一条，',
    );
  });
});
