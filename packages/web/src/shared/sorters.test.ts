import { describe, expect, it } from 'vitest';
import { byOrder, byText } from './sorters';

describe('sorters', () => {
  it('orders names in Chinese order with blanks last, and ISO instants as time', () => {
    const rows = [{ v: '株洲' }, { v: null }, { v: '长沙' }, { v: '岳阳' }];
    expect([...rows].sort(byText((r) => r.v)).map((r) => r.v)).toEqual(['岳阳', '长沙', '株洲', null]);
    const at = [{ v: '2026-03-01T00:00:00Z' }, { v: '2025-12-31T16:00:00Z' }];
    expect([...at].sort(byText((r) => r.v)).map((r) => r.v)[0]).toBe('2025-12-31T16:00:00Z');
  });

  it('orders states by their workflow', () => {
    const order = ['DRAFT', 'SUBMITTED', 'APPROVED'] as const;
    const rows = [{ s: 'APPROVED' as const }, { s: 'DRAFT' as const }, { s: 'SUBMITTED' as const }];
    expect([...rows].sort(byOrder(order, (r) => r.s)).map((r) => r.s)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'APPROVED',
    ]);
  });
});
