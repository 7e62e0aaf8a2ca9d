import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  type NestMiddleware,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { AppError } from '../errors/app-error';
import type { RequestContext } from './request-context';
import { RequestContextFactory } from './request-context.factory';

type RestRequest = Request & { xmContext?: RequestContext };

export function restContext(req: Request): RequestContext | undefined {
  return (req as RestRequest).xmContext;
}

/**
 * The REST routes under /api (uploads, downloads, exports) run like a GraphQL request: one
 * transaction with the session's identity set first, opened only when the handler first needs
 * the database, so an upload's body is read before it. Writes need a custom header, which a
 * cross-site form cannot send (CSRF).
 */
@Injectable()
export class RestContextMiddleware implements NestMiddleware {
  constructor(private readonly contexts: RequestContextFactory) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.get('x-xiangmeng-request') !== '1') {
      res.status(400).json({ code: 'BAD_REQUEST', message: '缺少请求头 x-xiangmeng-request' });
      return;
    }
    try {
      (req as RestRequest).xmContext = await this.contexts.createForRest(req, res);
      next();
    } catch (error) {
      next(error);
    }
  }
}

/** Commits after the handler succeeds, before the response is written; rolls back on error. */
@Injectable()
export class RestTransactionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = restContext(context.switchToHttp().getRequest<Request>());
    if (!ctx) return throwError(() => new AppError('INTERNAL_SERVER_ERROR'));
    return next.handle().pipe(
      mergeMap((value: unknown) => from(ctx.finish(true).then(() => value))),
      catchError((error: unknown) => from(ctx.finish(false)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}
