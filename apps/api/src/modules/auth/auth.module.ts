import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { RedisFactory } from '../../infra/redis/redis.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController, MeController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AdvisorProfile } from './entities/advisor-profile.entity';
import { ApiKey } from './entities/api-key.entity';
import { Firm } from './entities/firm.entity';
import { FirmMember } from './entities/firm-member.entity';
import { GoogleAccount } from './entities/google-account.entity';
import { Invitation } from './entities/invitation.entity';
import { RefreshSession } from './entities/refresh-session.entity';
import { User } from './entities/user.entity';
import { EventsController } from './events.controller';
import { GoogleAccountsController } from './google-accounts.controller';
import { GoogleAccountsService } from './google-accounts.service';
import { GoogleCallbackGuard, GoogleStartGuard } from './google-auth.guards';
import { GoogleStrategy } from './google.strategy';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';
import { ActorThrottlerGuard } from './throttle.guard';
import { ThrottlerStorageRedisScript } from './throttler-storage';
import { RevocationList } from './revocation-list';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Firm, FirmMember, Invitation, AdvisorProfile, GoogleAccount, RefreshSession, ApiKey]),
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the string as a
      // public key on every verification, the hottest path of the API.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.security.jwtSecret, 'utf8')) as unknown as string, signOptions: { algorithm: 'HS256', issuer: 'aftermeet' }, verifyOptions: { issuer: 'aftermeet' } }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisFactory],
      useFactory: (config: AppConfig, redis: RedisFactory) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.throttle.perMinute }],
        storage: new ThrottlerStorageRedisScript(redis.create('throttle', { keyPrefix: `${config.redis.prefix}:throttle:`, enableAutoPipelining: true })),
        errorMessage: 'Too many requests. Wait for the time in Retry-After, then try again.',
      }),
    }),
  ],
  controllers: [AuthController, MeController, TeamController, ProfileController, ApiKeysController, GoogleAccountsController, EventsController],
  providers: [
    AuthService,
    TokensService,
    RevocationList,
    ApiKeysService,
    TeamService,
    ProfileService,
    GoogleAccountsService,
    GoogleStrategy,
    GoogleStartGuard,
    GoogleCallbackGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: ActorThrottlerGuard },
  ],
  exports: [ProfileService, GoogleAccountsService, TokensService],
})
export class AuthModule {}
