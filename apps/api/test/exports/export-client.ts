import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { GraphqlAgent } from '../support/harness';
import { binaryBody } from '../support/register-client';

// Reading a list's Excel export in a test: its sheet's name, header and rows by header, and the
// file's name checked on the way.

export type Sheet = { title: string; header: string[]; rows: Record<string, string>[] };

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

export async function exported(
  agent: GraphqlAgent,
  list: string,
  query: Record<string, string> = {},
): Promise<Sheet> {
  const res = await agent.raw().get(`/api/exports/${list}.xlsx`).query(query).buffer(true).parse(binaryBody);
  if (res.status !== 200) throw new Error(`${list}: ${res.status} ${String(res.body)}`);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const disposition = decodeURIComponent(String(res.headers['content-disposition']));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0]!;
  // The file is named by its sheet and the day it was made.
  expect(disposition).toMatch(
    new RegExp(`^attachment; filename\\*=UTF-8''${sheet.name}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
  );
  const values = (row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const header = values(1);
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const cells = values(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  }
  return { title: sheet.name, header, rows };
}
