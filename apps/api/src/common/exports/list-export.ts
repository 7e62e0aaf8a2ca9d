import { SetMetadata } from '@nestjs/common';
import { chinaDateTime, formatYuan, type Role } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { invalid } from '../errors/app-error';
import type { RequestContext, Viewer } from '../request/request-context';

// A list joins the Excel export by providing one class marked @ListExport() in its own module:
// its name in the address, who may export it, its filter (read from the query string and checked
// by the list's own service or parser, so a wrong value answers 400 naming the field), its
// columns and its rows, read by the same service method the list's resolver uses.

export const LIST_EXPORT = 'xiangmeng:list-export';

/** Marks a provider as a list export; the exports module finds it at start-up. */
export const ListExport = () => SetMetadata(LIST_EXPORT, true);

/** The query string of an export request, one value per key. */
export type ExportQuery = Record<string, string | undefined>;

export type ExportColumn<Row> = {
  /** The list's column key; `columns=` in the address picks these. */
  key: string;
  /** The header in the workbook. */
  header: string;
  width?: number;
  value: (row: Row) => string | number | null | undefined;
};

export type ListExportDefinition<Filter = unknown, Row = unknown> = {
  /** The list in the address: /api/exports/<name>.xlsx */
  readonly name: string;
  /** The sheet's and the file's Chinese name. */
  readonly title: string;
  readonly roles: readonly Role[];
  /** The list's filter from the query string; throws a bad-input error naming the field. */
  filter(ctx: RequestContext, viewer: Viewer, query: ExportQuery): Promise<Filter> | Filter;
  columns(ctx: RequestContext, viewer: Viewer, filter: Filter): readonly ExportColumn<Row>[];
  /** The rows the list shows, in batches (an array is one batch). */
  rows(ctx: RequestContext, viewer: Viewer, filter: Filter): Promise<Row[]> | AsyncIterable<Row[]>;
};

/** The most rows an export holds. */
export const EXPORT_LIMIT = 10_000;

/** A query value that must be one of `values` (absent or empty: undefined). */
export function oneOf<T extends string>(
  query: ExportQuery,
  field: string,
  values: readonly T[] | Record<T, unknown>,
): T | undefined {
  const value = query[field.replace(/^filter\./, '')];
  if (value === undefined || value === '') return undefined;
  const allowed = Array.isArray(values) ? values : Object.keys(values);
  if (!allowed.includes(value)) throw invalid(field, 'ONE_OF', `${field} 的取值无效`);
  return value as T;
}

/** A whole-number query value (absent or empty: undefined). */
export function integer(query: ExportQuery, field: string): number | undefined {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d{1,9}$/.test(value)) throw invalid(field, 'INTEGER', `${field} 应为整数`);
  return Number(value);
}

/** A true/false query value (absent or empty: undefined). */
export function flag(query: ExportQuery, field: string): boolean | undefined {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (value !== 'true' && value !== 'false') throw invalid(field, 'BOOLEAN', `${field} 应为 true 或 false`);
  return value === 'true';
}

/** A text query value, trimmed (absent or blank: undefined). */
export function text(query: ExportQuery, field: string): string | undefined {
  const value = query[field]?.trim();
  return value ? value : undefined;
}

/**
 * Names by id from a table the viewer reads under its own row-level security, as the list's
 * field resolvers do: a name the viewer may not read stays empty.
 */
export async function namesOf(
  db: EntityManager,
  table: 'alliance' | 'tenant' | 'programme' | 'pilot_call' | 'filing_round' | 'organization' | 'project',
  ids: readonly (string | null | undefined)[],
  column = 'name',
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }[]>(
    `SELECT id, ${column} AS name FROM ${table} WHERE id = ANY($1::uuid[])`,
    [wanted],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The alliance's name as a record's list field shows it: the name frozen in the record's dossier
 * once sent (a later rename does not change what was submitted), else the live register's name
 * the viewer may read, else `fallback`.
 */
export async function allianceNamesOf<R extends { allianceId: string; dossier?: unknown }>(
  db: EntityManager,
  records: readonly R[],
  fallback = '',
): Promise<(record: R) => string> {
  const live = await namesOf(
    db,
    'alliance',
    records.map((r) => r.allianceId),
  );
  return (r) => {
    const frozen = (r.dossier as { alliance?: { name?: unknown } } | null | undefined)?.alliance?.name;
    return typeof frozen === 'string' ? frozen : (live.get(r.allianceId) ?? fallback);
  };
}

/** A code in Chinese by the domain's labels; a code the labels do not know shows as it is. */
export function label(labels: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  return labels[code] ?? code;
}

/** China time, YYYY-MM-DD HH:mm; empty when there is none. */
export function at(instant: Date | null | undefined): string {
  return instant ? chinaDateTime(instant) : '';
}

/** Integer fen as yuan; empty when there is none. */
export function money(fen: string | null | undefined): string {
  return fen === null || fen === undefined ? '' : formatYuan(fen);
}

/** A comma-separated query value whose items must each be one of `values`. */
export function someOf<T extends string>(
  query: ExportQuery,
  field: string,
  values: readonly T[] | Record<T, unknown>,
): T[] | undefined {
  const value = query[field.replace(/^filter\./, '')];
  if (value === undefined || value === '') return undefined;
  const allowed = Array.isArray(values) ? values : Object.keys(values);
  const items = value.split(',');
  if (items.some((item) => !allowed.includes(item))) throw invalid(field, 'ONE_OF', `${field} 的取值无效`);
  return items as T[];
}
