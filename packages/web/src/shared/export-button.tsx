import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** A filter value as the list's query holds it; empty ones are left out of the address. */
export type ExportFilterValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * The Excel export of a list with the page's current filters and visible columns: the API's
 * /api/exports/<list>.xlsx reads the same filter names the list's GraphQL query takes.
 */
export function exportHref(
  list: string,
  filter: Readonly<Record<string, ExportFilterValue>> = {},
  columns?: readonly string[],
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query.set(key, value.join(','));
    } else query.set(key, String(value));
  }
  if (columns?.length) query.set('columns', columns.join(','));
  const text = query.toString();
  return `/api/exports/${list}.xlsx${text ? `?${text}` : ''}`;
}

/** 导出 Excel: downloads the list as the page shows it. */
export function ExportButton({
  list,
  filter,
  columns,
  disabled,
}: {
  list: string;
  filter?: Readonly<Record<string, ExportFilterValue>>;
  columns?: readonly string[];
  disabled?: boolean;
}) {
  return (
    <Button icon={<DownloadOutlined />} href={exportHref(list, filter, columns)} download disabled={disabled}>
      导出 Excel
    </Button>
  );
}
