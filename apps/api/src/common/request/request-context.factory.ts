import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource, type QueryRunner } from 'typeorm';
import { readSessionToken } from '../../modules/auth/session-cookie';
import { SessionsService } from '../../modules/auth/sessions.service';
import { applyIdentity } from './identity';
import type { RequestContext } from './request-context';

@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Opens the request's transaction and, for a valid session, sets its identity before anything
   * else runs. The transaction ends in `finish` (from the Apollo plugin) or when the response closes.
   */
  async create(req: Request, res: Response): Promise<RequestContext> {
    const runner = await this.begin();
    let finished = false;
    const finish = async (commit: boolean) => {
      if (finished) return;
      finished = true;
      try {
        if (runner.isTransactionActive) {
          if (commit) await runner.commitTransaction();
          else await runner.rollbackTransaction();
        }
      } finally {
        await runner.release();
      }
    };
    try {
      const ctx: RequestContext = {
        req,
        res,
        db: runner.manager,
        viewer: null,
        loaders: new Map(),
        loginAttempted: false,
        finish,
      };
      const token = readSessionToken(req);
      const session = token ? await this.sessions.resolve(runner.manager, token) : null;
      if (session) {
        const { viewer } = session;
        await applyIdentity(runner.manager, {
          tenantId: viewer.tenantId,
          userId: viewer.userId,
          roles: viewer.roles,
        });
        if (session.touch) await this.sessions.touch(runner.manager, viewer.sessionId);
        ctx.viewer = viewer;
      }
      res.once('close', () => void finish(false).catch(() => undefined));
      return ctx;
    } catch (error) {
      await finish(false);
      throw error;
    }
  }

  /**
   * A pooled connection can die while idle (a failover, a terminated backend) before the pool
   * hears of it. Nothing has run on it yet, so the transaction is begun again on another one.
   */
  private async begin(attempts = 3): Promise<QueryRunner> {
    for (let attempt = 1; ; attempt += 1) {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        await runner.startTransaction();
        return runner;
      } catch (error) {
        await runner.release().catch(() => undefined);
        if (attempt >= attempts) throw error;
      }
    }
  }
}
