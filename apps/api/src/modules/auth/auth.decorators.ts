import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, RequestContext, Role } from '../../infra/http/request-context';

export const IS_PUBLIC = 'aftermeet:public';
export const ROLES = 'aftermeet:roles';

/** No sign-in needed (sign-in itself, health, webhooks that verify their own signature). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only members with one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentActor = createParamDecorator((_: unknown, _ctx: ExecutionContext): Actor => {
  const actor = RequestContext.actor();
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
