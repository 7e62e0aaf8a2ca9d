import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { cardColumns } from './list-table';

type Row = { id: string; name: string; city: string; members: number };

const row: Row = { id: 'a1', name: '长沙工程机械联盟', city: '长沙市', members: 7 };

const columns: TableColumnsType<Row> = [
  {
    title: '名称',
    key: 'name',
    width: 200,
    fixed: 'start',
    render: (_: unknown, r) => <a href={`/${r.id}`}>{r.name}</a>,
  },
  { title: '市州', dataIndex: 'city', width: 80, ellipsis: true },
  { title: '隐藏', key: 'hidden', hidden: true },
  {
    title: '成员',
    children: [{ title: '现有成员数', key: 'members', align: 'right', render: (_: unknown, r) => r.members }],
  },
  { title: '', key: 'actions', render: () => <button>查看</button> },
];

// A cell as the table would draw it: the column's render with the value of its dataIndex.
function cell(column: TableColumnsType<Row>[number], record: Row): string {
  const { render, dataIndex } = column as {
    render?: (v: unknown, r: Row, i: number) => ReactNode;
    dataIndex?: keyof Row;
  };
  const value = dataIndex ? record[dataIndex] : undefined;
  return renderToStaticMarkup(<>{render ? render(value, record, 0) : (value as ReactNode)}</>);
}

describe('cardColumns', () => {
  it('heads the card with the first column, without a label, and labels the others with their titles', () => {
    const cards = cardColumns(columns);
    expect(cards.map((c) => c.key ?? (c as { dataIndex?: string }).dataIndex)).toEqual([
      'name',
      'city',
      'members',
      'actions',
    ]);
    expect(cards[0]!.className).toBe('list-card-title');
    expect(cell(cards[0]!, row)).toBe('<a href="/a1">长沙工程机械联盟</a>');
    expect(cell(cards[1]!, row)).toBe(
      '<span class="list-card-label">市州</span><span class="list-card-value">长沙市</span>',
    );
    // A grouped column's leaf keeps its own title.
    expect(cell(cards[2]!, row)).toContain('<span class="list-card-label">现有成员数</span>');
    // A column without a title (the actions) is shown as it is.
    expect(cell(cards[3]!, row)).toBe('<button>查看</button>');
  });

  it('drops what lays out a desk table: widths, fixed sides, ellipses and alignment', () => {
    for (const column of cardColumns(columns)) {
      expect(column).not.toHaveProperty('width');
      expect(column).not.toHaveProperty('fixed');
      expect(column).not.toHaveProperty('ellipsis');
      expect(column).not.toHaveProperty('align');
    }
  });

  it.each([
    ['a key', 'members', 'members'],
    ['a dataIndex', 'city', 'city'],
    ['an unknown column (the first instead)', 'nothing', 'name'],
  ])('heads the card with the column named by %s', (_case, cardTitle, heading) => {
    const cards = cardColumns(columns, cardTitle);
    const head = cards.find((c) => c.className === 'list-card-title');
    expect(head?.key ?? (head as { dataIndex?: string }).dataIndex).toBe(heading);
    expect(cards.filter((c) => c.className === 'list-card-title')).toHaveLength(1);
  });
});
