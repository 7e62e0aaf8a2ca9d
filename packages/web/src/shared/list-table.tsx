import { Grid, Table, type TableColumnsType, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';

type Column<Row> = TableColumnsType<Row>[number];
type LeafColumn<Row> = Exclude<Column<Row>, { children: unknown }>;

// A phone's list: each row a card, headed by the record's name, its other columns as 「label value」
// lines. antd's own table keeps rendering (pagination, selection, expanded rows, empty and loading
// states), laid out as blocks; the header row is hidden since every cell carries its label.
const CARD_CSS = `
.list-cards .ant-table-thead, .list-cards colgroup { display: none !important; }
.list-cards table, .list-cards .ant-table-tbody {
  display: block; width: 100% !important; min-width: 0 !important; table-layout: auto !important;
}
.list-cards .ant-table-tbody > tr { display: block; }
.list-cards .ant-table-tbody > tr.ant-table-row {
  border: 1px solid var(--ant-color-border-secondary, #f0f0f0);
  border-radius: 8px;
  padding: 8px 12px;
  margin-bottom: 8px;
}
.list-cards .ant-table-tbody > tr.ant-table-row > td {
  display: flex; gap: 8px; align-items: baseline;
  width: auto !important; max-width: none !important; padding: 3px 0 !important;
  border: 0 !important; position: static !important; text-align: start !important;
  white-space: normal !important; overflow-wrap: anywhere;
}
.list-cards .ant-table-tbody > tr.ant-table-row > td:empty { display: none; }
.list-cards .ant-table-tbody > tr > td.list-card-title { font-weight: 600; font-size: 15px; padding-bottom: 6px !important; }
.list-cards .ant-table-tbody > tr:not(.ant-table-row) > td { display: block; width: auto !important; }
.list-cards .list-card-label {
  flex: 0 0 6.5em; color: var(--ant-color-text-secondary, rgba(0, 0, 0, 0.45)); font-weight: 400;
}
.list-cards .list-card-value { flex: 1 1 auto; min-width: 0; }
`;

export type ListTableProps<Row> = TableProps<Row> & {
  /**
   * The column (by key or dataIndex) that heads each card on a phone: the record's name, linking
   * to it. The first column when not given.
   */
  cardTitle?: Key;
};

/** Under 768 px wide, as in the shell's header. */
export function useNarrowScreen(): boolean {
  return Grid.useBreakpoint().md === false;
}

/**
 * A list: antd's Table as it is on a desk screen; on a phone, the same columns laid out as a card
 * per row. Pages swap `Table` for it and keep their column definitions.
 */
export function ListTable<Row = object>({ cardTitle, ...props }: ListTableProps<Row>) {
  const narrow = useNarrowScreen();
  // The style sits beside the table either way, so switching layouts keeps the table's state.
  return (
    <>
      {narrow && (
        <style href="xiangmeng-list-cards" precedence="default">
          {CARD_CSS}
        </style>
      )}
      {narrow ? (
        <Table<Row>
          {...props}
          className={[props.className, 'list-cards'].filter(Boolean).join(' ')}
          columns={cardColumns(props.columns ?? [], cardTitle)}
          scroll={undefined}
          sticky={false}
          tableLayout="auto"
          pagination={
            props.pagination === false ? false : { ...props.pagination, simple: true, showSizeChanger: false }
          }
        />
      ) : (
        <Table<Row> {...props} />
      )}
    </>
  );
}

/**
 * The columns of a card: groups flattened, widths, fixed sides and ellipses dropped, each value
 * behind its column's title, the title column (`cardTitle`, else the first) without a label.
 */
export function cardColumns<Row>(columns: TableColumnsType<Row>, cardTitle?: Key): TableColumnsType<Row> {
  const leaves = leafColumns(columns).filter((column) => !column.hidden);
  const found =
    cardTitle === undefined
      ? -1
      : leaves.findIndex((column) => column.key === cardTitle || dataIndexKey(column) === cardTitle);
  const titleIndex = Math.max(0, found);
  return leaves.map((column, index) => {
    const { fixed: _fixed, ellipsis: _ellipsis, width: _width, align: _align, ...rest } = column;
    const cell = (value: unknown, record: Row, rowIndex: number): ReactNode =>
      column.render ? (column.render(value, record, rowIndex) as ReactNode) : (value as ReactNode);
    if (index === titleIndex)
      return { ...rest, className: classes(column.className, 'list-card-title'), render: cell };
    const label = typeof column.title === 'function' ? undefined : column.title;
    if (label === undefined || label === null || label === '') return { ...rest, render: cell };
    return {
      ...rest,
      render: (value: unknown, record: Row, rowIndex: number) => (
        <>
          <span className="list-card-label">{label}</span>
          <span className="list-card-value">{cell(value, record, rowIndex)}</span>
        </>
      ),
    };
  });
}

function leafColumns<Row>(columns: TableColumnsType<Row>): LeafColumn<Row>[] {
  return columns.flatMap((column) =>
    'children' in column && Array.isArray(column.children)
      ? leafColumns(column.children)
      : [column as LeafColumn<Row>],
  );
}

function dataIndexKey<Row>(column: LeafColumn<Row>): Key | undefined {
  const { dataIndex } = column as { dataIndex?: unknown };
  return typeof dataIndex === 'string' || typeof dataIndex === 'number' ? dataIndex : undefined;
}

function classes(...names: (string | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
