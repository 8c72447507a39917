import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Redis } from 'ioredis';
import { Profile, Strategy } from 'passport-google-oauth20';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { REDIS, RedisFactory } from '../../infra/redis/redis.module';
import { RedisOAuthStateStore } from './oauth-state.store';

export const GOOGLE_SCOPES = ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/calendar.readonly'];

export interface GoogleSignInResult {
  sub: string;
  email: string;
  name: string;
  pictureUrl: string | null;
  emailVerified: boolean;
  accessToken: string;
  refreshToken: string | null;
  expiresIn: number;
  scope: string;
}

/** Google sign-in (and connecting more calendars) through passport-google-oauth20, endpoints from config. */
@Injectable()
export class GoogleStrategy extends PassportStrategy(Strategy, 'google', 5) {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis, redisFactory: RedisFactory) {
    super({
      clientID: config.google.clientId,
      clientSecret: config.google.clientSecret,
      callbackURL: `${config.publicUrl}/api/auth/google/callback`,
      authorizationURL: config.google.authUrl,
      tokenURL: config.google.tokenUrl,
      userProfileURL: config.google.userinfoUrl,
      scope: GOOGLE_SCOPES,
      store: new RedisOAuthStateStore(redis, redisFactory.prefix, config.security.secureCookies) as never,
      passReqToCallback: false,
    } as never);
  }

  override authorizationParams(): Record<string, string> {
    return { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' };
  }

  validate(accessToken: string, refreshToken: string | undefined, params: { expires_in?: number; scope?: string }, profile: Profile): GoogleSignInResult {
    const json = (profile._json ?? {}) as Record<string, unknown>;
    const email = String(json.email ?? profile.emails?.[0]?.value ?? '');
    return {
      sub: String(json.sub ?? profile.id),
      email,
      name: String(json.name ?? profile.displayName ?? email),
      pictureUrl: typeof json.picture === 'string' ? json.picture : null,
      emailVerified: json.email_verified === true || json.email_verified === 'true',
      accessToken,
      refreshToken: refreshToken ?? null,
      expiresIn: Number(params?.expires_in ?? 3600),
      scope: String(params?.scope ?? ''),
    };
  }
}
