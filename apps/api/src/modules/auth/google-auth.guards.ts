import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AppError } from '../../infra/http/app-error';
import { GoogleAccountsService } from './google-accounts.service';
import type { OAuthIntent } from './oauth-state.store';

type OAuthRequest = Request & { oauthIntent?: OAuthIntent; googleError?: string };

/** Starts the Google redirect; decides whether this is a sign-in or connecting another calendar. */
@Injectable()
export class GoogleStartGuard extends PassportAuthGuard('google') {
  constructor(private readonly accounts: GoogleAccountsService) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<OAuthRequest>();
    const returnTo = typeof req.query.returnTo === 'string' && /^\/(?!\/)/.test(req.query.returnTo) ? req.query.returnTo : '/';
    const ticket = typeof req.query.connectTicket === 'string' ? req.query.connectTicket : undefined;
    if (ticket) {
      const userId = await this.accounts.consumeConnectTicket(ticket);
      if (!userId) throw new AppError('CONNECT_TICKET_INVALID', 'This connect link expired; start again from Settings', 400);
      req.oauthIntent = { intent: 'connect', userId, returnTo };
    } else {
      req.oauthIntent = { intent: 'sign_in', returnTo };
    }
    return (await super.canActivate(context)) as boolean;
  }
}

/** Finishes the Google redirect. Never throws: the controller turns failures into a redirect the SPA can show. */
@Injectable()
export class GoogleCallbackGuard extends PassportAuthGuard('google') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<OAuthRequest>();
    if (typeof req.query.error === 'string') {
      req.googleError = req.query.error;
      return true;
    }
    try {
      await super.canActivate(context);
    } catch (err) {
      req.googleError = (err as Error).message || 'google_failed';
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown, context: ExecutionContext): T {
    const req = context.switchToHttp().getRequest<OAuthRequest>();
    if (err || !user) {
      const message = (info as { message?: string } | undefined)?.message;
      req.googleError = message === 'invalid_state' ? 'invalid_state' : err ? 'google_exchange_failed' : (message ?? 'google_failed');
    }
    return user;
  }
}
