import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError } from '../errors/app-error';
import type { RequestContext, Viewer } from './request-context';

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext =>
  GqlExecutionContext.create(context).getContext<RequestContext>(),
);

/** The signed-in viewer; the access guard has already refused anonymous calls. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const { viewer } = GqlExecutionContext.create(context).getContext<RequestContext>();
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  return viewer;
});
