import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, forbidden } from '../errors/app-error';
import type { Request } from 'express';
import type { RequestContext } from '../request/request-context';
import { restContext } from '../request/rest-context';
import { ACCESS_RULE, type AccessRule } from './access.decorators';

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    if (!rule) throw forbidden();
    if (rule.kind === 'public') return true;
    const ctx =
      context.getType<'graphql' | 'http'>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<RequestContext>()
        : restContext(context.switchToHttp().getRequest<Request>());
    const viewer = ctx?.viewer;
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    if (rule.kind === 'roles' && !rule.roles.some((role) => viewer.roles.includes(role))) throw forbidden();
    return true;
  }
}
