import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig } from './infra/config/config';
import { ConfigModule } from './infra/config/config.module';
import { DomainEventsModule } from './infra/events/domain-events';
import { CryptoModule } from './infra/crypto/crypto.module';
import { DatabaseModule } from './infra/database/database.module';
import { LoggingModule } from './infra/logging/logging.module';
import { QueueModule } from './infra/queue/queue.module';
import { RealtimeModule } from './infra/realtime/realtime.module';
import { RedisModule } from './infra/redis/redis.module';
import { ResilienceModule } from './infra/resilience/resilience.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BotsModule } from './modules/bots/bots.module';
import { ComplianceModule } from './modules/compliance/compliance.module';
import { ContentModule } from './modules/content/content.module';
import { HealthModule } from './modules/health/health.module';
import { OpsModule } from './modules/ops/ops.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { PublishingModule } from './modules/publishing/publishing.module';

/** The same modules serve HTTP and run workers; API_ROLE decides which parts start. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extra: Type<unknown>[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        CryptoModule,
        ResilienceModule.forRoot(config.resilienceOverrides),
        AuditModule,
        RealtimeModule,
        DomainEventsModule,
        HealthModule,
        AuthModule,
        OpsModule,
        // Feature modules in pipeline order: Meetings → Bots → Content → Compliance → Publishing.
        MeetingsModule,
        BotsModule,
        ContentModule,
        ComplianceModule,
        PublishingModule,
        PrivacyModule,
        ...extra,
      ],
    };
  }
}
