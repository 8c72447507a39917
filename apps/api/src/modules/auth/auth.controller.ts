import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { CookieOptions, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { ApiEnvelope, RawResponse } from '../../infra/http/api-envelope';
import { AppError } from '../../infra/http/app-error';
import { Actor } from '../../infra/http/request-context';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { GoogleCallbackQueryDto, GoogleSignInQueryDto, SessionDto, SessionUserDto } from './dto';
import { GoogleCallbackGuard, GoogleStartGuard } from './google-auth.guards';
import type { GoogleSignInResult } from './google.strategy';
import type { OAuthIntent } from './oauth-state.store';

export const REFRESH_COOKIE = 'am_refresh';
export const CSRF_COOKIE = 'am_csrf';
const SIGN_IN_LIMIT = { default: { limit: 20, ttl: 60_000 } };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Throttle(SIGN_IN_LIMIT)
  @Get('google')
  @UseGuards(GoogleStartGuard)
  @RawResponse()
  @ApiOperation({ summary: 'Start sign-in with Google (browser redirect)' })
  startGoogle(@Query() _query: GoogleSignInQueryDto): void {
    // The guard has redirected to Google.
  }

  @Public()
  @Throttle(SIGN_IN_LIMIT)
  @Get('google/callback')
  @UseGuards(GoogleCallbackGuard)
  @RawResponse()
  @ApiOperation({ summary: 'Google redirects here; sets the session cookie and returns to the SPA' })
  async googleCallback(
    @Query() _query: GoogleCallbackQueryDto,
    @Req() req: Request & { user?: GoogleSignInResult; googleError?: string; oauthIntent?: OAuthIntent },
    @Res() res: Response,
  ): Promise<void> {
    const web = this.config.webOrigin;
    if (req.googleError || !req.user) {
      const code = req.googleError ?? 'google_failed';
      await this.auth.recordFailedSignIn(code);
      const message =
        code === 'access_denied'
          ? 'You declined on the Google consent screen. Sign in again and allow access to continue.'
          : code === 'invalid_state'
            ? 'The sign-in link was stale or not started from this browser. Please sign in again.'
            : 'Google sign-in did not complete. Please try again.';
      return res.redirect(302, `${web}/sign-in?error=${encodeURIComponent(code)}&message=${encodeURIComponent(message)}`);
    }
    const intent = req.oauthIntent ?? { intent: 'sign_in', returnTo: '/' };
    if (intent.intent === 'connect' && intent.userId) {
      await this.auth.connectGoogleAccount(intent.userId, req.user);
      return res.redirect(302, `${web}${intent.returnTo}?connected=google`);
    }
    const { refreshToken } = await this.auth.signInWithGoogle(req.user, req.header('user-agent'));
    this.setSessionCookies(res, refreshToken);
    res.redirect(302, `${web}/auth/complete?returnTo=${encodeURIComponent(intent.returnTo)}`);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange the refresh cookie for an access token (rotates the cookie; needs x-csrf-token)' })
  @ApiEnvelope(SessionDto)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    this.checkCsrf(req);
    const token = (req.cookies as Record<string, string>)[REFRESH_COOKIE];
    if (!token) throw new AppError('UNAUTHORIZED', 'You are not signed in', 401);
    try {
      const session = await this.auth.refresh(token, req.header('user-agent'));
      this.setSessionCookies(res, session.refreshToken);
      return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
    } catch (err) {
      this.clearSessionCookies(res);
      throw err;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'End this session (needs x-csrf-token)' })
  @ApiEnvelope(null)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<null> {
    this.checkCsrf(req);
    await this.auth.logout((req.cookies as Record<string, string>)[REFRESH_COOKIE]);
    this.clearSessionCookies(res);
    return null;
  }

  /** Double-submit: the SPA copies the readable am_csrf cookie into a header another site cannot set. */
  private checkCsrf(req: Request): void {
    const cookie = (req.cookies as Record<string, string>)[CSRF_COOKIE];
    const header = req.header('x-csrf-token');
    if (!cookie || !header || cookie !== header) throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header; reload the page and try again', 403);
  }

  private cookieBase(): CookieOptions {
    return { secure: this.config.security.secureCookies, sameSite: 'strict' };
  }

  private setSessionCookies(res: Response, refreshToken: string): void {
    res.cookie(REFRESH_COOKIE, refreshToken, { ...this.cookieBase(), httpOnly: true, path: '/api/auth', maxAge: this.config.security.refreshTtlSeconds * 1000 });
    res.cookie(CSRF_COOKIE, randomBytes(18).toString('base64url'), { ...this.cookieBase(), httpOnly: false, path: '/', maxAge: this.config.security.refreshTtlSeconds * 1000 });
  }

  private clearSessionCookies(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, { ...this.cookieBase(), path: '/api/auth' });
    res.clearCookie(CSRF_COOKIE, { ...this.cookieBase(), path: '/' });
  }
}

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user, their firm and role' })
  @ApiEnvelope(SessionUserDto)
  me(@CurrentActor() actor: Actor): Promise<SessionUserDto> {
    return this.auth.me(actor.userId!);
  }
}
