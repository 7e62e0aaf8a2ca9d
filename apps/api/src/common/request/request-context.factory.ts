import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
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
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
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
      await runner.startTransaction();
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
}
