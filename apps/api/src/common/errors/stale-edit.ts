import { chinaDateTime } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from './app-error';

// The records an edit may be refused on, and the column that counts their edits.
const EDIT_COUNTERS = {
  alliance: 'version',
  organization: 'version',
  measures: 'version',
  alliance_agreement: 'revision',
  pilot_application: 'version',
  pilot_call: 'version',
  expert: 'version',
  review_sheet: 'version',
  platform_evaluation_sheet: 'version',
  filing_round: 'version',
  filing: 'version',
  programme: 'version',
  programme_application: 'version',
  financing_need: 'version',
} as const;

export type EditedTable = keyof typeof EDIT_COUNTERS;

/**
 * An edit based on a version that is no longer current: CONFLICT naming the record, who changed it
 * last and when (the row's updated_by/updated_at, stamped by the database), so the user can reload
 * knowing whose work they would otherwise overwrite. Read in the refused edit's own transaction,
 * after its guarded UPDATE matched nothing: the winner has committed by then.
 */
export async function staleEdit(
  db: EntityManager,
  table: EditedTable,
  id: string,
  record: string,
): Promise<AppError> {
  const [row] = await db.query<{ version: number; updated_at: Date; changed_by: string | null }[]>(
    `SELECT t.${EDIT_COUNTERS[table]} AS version, t.updated_at, u.display_name AS changed_by
       FROM ${table} t LEFT JOIN app_user u ON u.id = t.updated_by
      WHERE t.id = $1`,
    [id],
  );
  const changedAt = row ? chinaDateTime(new Date(row.updated_at)) : null;
  const who = row?.changed_by ?? '他人';
  return new AppError(
    'CONFLICT',
    {
      staleEdit: {
        record,
        currentVersion: row?.version ?? null,
        changedBy: row?.changed_by ?? null,
        changedAt,
      },
    },
    changedAt
      ? `${record}已被${who}于 ${changedAt} 修改，您的修改未保存；请刷新后再改`
      : `${record}已被${who}修改，您的修改未保存；请刷新后再改`,
  );
}
