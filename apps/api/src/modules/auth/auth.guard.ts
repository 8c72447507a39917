import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../../infra/http/app-error';
import { RequestContext, Role } from '../../infra/http/request-context';
import { AuditService } from '../audit/audit.service';
import { ApiKeysService } from './api-keys.service';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { TokensService } from './tokens.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route needs a bearer access token or an API key unless marked @Public().
 * Sets the request's actor, which tenant scoping and the audit trail read. Roles are checked here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();

    const apiKey = req.header('x-api-key');
    const bearer = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1];
    // EventSource cannot send headers; the event stream alone accepts the token in the query.
    const queryToken = req.path === '/api/events' && typeof req.query.access_token === 'string' ? req.query.access_token : undefined;

    if (apiKey) {
      const actor = await this.apiKeys.authenticate(apiKey);
      if (actor.scope === 'read' && !READ_METHODS.has(req.method)) throw AppError.forbidden('This API key is read-only');
      RequestContext.setActor(actor);
      await this.audit.record({ action: 'api_key.used', subjectType: 'api_key', subjectId: actor.id, data: { method: req.method, route: req.route?.path ?? req.path } });
    } else if (bearer ?? queryToken) {
      const claims = await this.tokens.verifyAccess((bearer ?? queryToken)!);
      RequestContext.setActor({ type: 'user', id: claims.sub, userId: claims.sub, firmId: claims.fid, role: claims.role });
    } else {
      throw AppError.unauthorized('Sign in, or send an API key in the x-api-key header');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const role = RequestContext.actor()?.role;
    if (roles?.length && (!role || !roles.includes(role))) throw AppError.forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    return true;
  }
}
