import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { ERROR_MESSAGES, httpStatusOf, MAX_DOCUMENT_BYTES } from '@xiangmeng/domain';
import type { Response } from 'express';
import { AppError } from './app-error';

// An AppError is an answer to the client (wrong password, bad input), not a fault: GraphQL gets
// it as it is (Apollo formats it), REST gets the same code and message as JSON. Neither is logged.
@Catch(AppError, HttpException)
export class AppErrorFilter implements GqlExceptionFilter {
  catch(error: AppError | HttpException, host: ArgumentsHost): AppError | HttpException | void {
    if (host.getType<'graphql' | 'http'>() === 'graphql') return error;
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof AppError) {
      const { http: _http, ...extensions } = error.extensions;
      if (typeof extensions.retryAfterSeconds === 'number') {
        res.setHeader('Retry-After', String(extensions.retryAfterSeconds));
      }
      res.status(httpStatusOf(error.code)).json({ message: error.message, ...extensions });
      return;
    }
    const status = error.getStatus();
    if (status === 413) {
      const message = `文件不能超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`;
      res.status(400).json({
        code: 'BAD_USER_INPUT',
        message,
        violations: [{ field: 'file', rule: 'FILE_TOO_LARGE', message }],
      });
      return;
    }
    res.status(status).json({
      code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
      message: status === 404 ? ERROR_MESSAGES.NOT_FOUND : error.message,
    });
  }
}
