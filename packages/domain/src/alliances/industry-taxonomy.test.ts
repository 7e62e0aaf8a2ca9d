import { describe, expect, it } from 'vitest';
import { findIndustry, INDUSTRIES } from './industry-taxonomy.js';

describe('industry taxonomy', () => {
  it('has unique codes, and every parent exists and is a first-level class', () => {
    const codes = INDUSTRIES.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const industry of INDUSTRIES.filter((i) => i.parentCode)) {
      const parent = findIndustry(industry.parentCode!);
      expect(parent?.parentCode).toBeNull();
      expect(parent?.category).toBe(industry.category);
    }
  });

  it('holds the nine national strategic emerging classes and the Hunan pillars', () => {
    expect(INDUSTRIES.filter((i) => i.category === 'STRATEGIC_EMERGING' && !i.parentCode)).toHaveLength(9);
    expect(INDUSTRIES.filter((i) => i.category === 'HUNAN_PILLAR').map((i) => i.name)).toContain('工程机械');
  });
});
