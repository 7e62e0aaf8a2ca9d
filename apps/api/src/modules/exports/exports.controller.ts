import { Controller, Get, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { chinaDate } from '@xiangmeng/domain';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { SignedIn } from '../../common/auth/access.decorators';
import { forbidden, invalid, notFound } from '../../common/errors/app-error';
import type { ExportColumn, ExportQuery, ListExportDefinition } from '../../common/exports/list-export';
import { EXPORT_LIMIT } from '../../common/exports/list-export';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { Clock } from '../../common/clock';
import { ExportRegistry } from './export-registry';

/** Rows written between yields to the event loop, so other requests keep being answered. */
const BATCH = 200;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The columns the address asks for (`columns=a,b`), in the list's order; none asked: all. */
export function pickColumns<Row>(all: readonly ExportColumn<Row>[], asked: string | undefined) {
  if (!asked) return all;
  const keys = asked
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = keys.find((k) => !all.some((c) => c.key === k));
  if (unknown !== undefined) throw invalid('columns', 'ONE_OF', `没有这一列：${unknown}`);
  return all.filter((c) => keys.includes(c.key));
}

async function* batchesOf<Row>(rows: Promise<Row[]> | AsyncIterable<Row[]>): AsyncIterable<Row[]> {
  if (Symbol.asyncIterator in rows) {
    yield* rows;
    return;
  }
  const all = await rows;
  for (let i = 0; i < all.length; i += BATCH) yield all.slice(i, i + BATCH);
}

@Controller('api/exports')
@UseInterceptors(RestTransactionInterceptor)
export class ExportsController {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly clock: Clock,
  ) {}

  /**
   * A list as an Excel workbook with the list's filter and columns, streamed: the rows are
   * written as they are read, in batches, with the event loop free between them. The filter is
   * checked before the first byte, so a wrong value answers 400 naming the field.
   */
  @SignedIn()
  @Get(':file')
  async export(
    @Req() req: Request,
    @Res() res: Response,
    @Param('file') file: string,
    @Query() query: ExportQuery,
  ): Promise<void> {
    const ctx = restContext(req)!;
    const viewer = ctx.viewer!;
    const match = /^([a-z][a-z-]*)\.xlsx$/.exec(file);
    const list: ListExportDefinition | undefined = match ? this.registry.get(match[1]!) : undefined;
    if (!list) throw notFound();
    if (!list.roles.some((role) => viewer.roles.includes(role))) throw forbidden();
    const filter = await list.filter(ctx, viewer, query);
    const columns = pickColumns(list.columns(ctx, viewer, filter), query.columns);
    const today = chinaDate(this.clock.now());
    const batches = batchesOf(list.rows(ctx, viewer, filter))[Symbol.asyncIterator]();
    // The first batch is read before the headers go out: an error in it still answers as JSON.
    let next = await batches.next();

    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`${list.title}-${today}.xlsx`)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.created = this.clock.now();
    const sheet = workbook.addWorksheet(list.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let written = 0;
    try {
      while (!next.done && written < EXPORT_LIMIT) {
        for (const row of next.value) {
          if (written >= EXPORT_LIMIT) break;
          sheet.addRow(columns.map((c) => c.value(row) ?? '')).commit();
          written += 1;
          if (written % BATCH === 0) await yieldToEventLoop();
        }
        await yieldToEventLoop();
        next = await batches.next();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      // The headers are out: the client sees a cut-off download, never a workbook missing rows.
      res.destroy(error as Error);
      throw error;
    }
  }
}
