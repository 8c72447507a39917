import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { ConnectionsController } from './connections.controller';
import { ConnectionsService } from './connections.service';
import { Publication } from './entities/publication.entity';
import { PublicationRecord } from './entities/publication-record.entity';
import { PublishAttempt } from './entities/publish-attempt.entity';
import { SocialAccount } from './entities/social-account.entity';
import { FacebookAdapter } from './providers/facebook.adapter';
import { LinkedInAdapter } from './providers/linkedin.adapter';
import { SocialPublisherRegistry } from './providers/social-publisher.registry';
import { PublishQuota } from './publish-quota';
import { PublishingController } from './publishing.controller';
import { PUBLISHING_QUEUE } from './publishing.jobs';
import { PublishingProcessor } from './publishing.processor';
import { PublishingRepository } from './publishing.repository';
import { PublishingService } from './publishing.service';

/** Last stage of the pipeline: connections, scheduling, exactly-once publishing, records of what went out. */
@Module({
  imports: [TypeOrmModule.forFeature([SocialAccount, Publication, PublishAttempt, PublicationRecord]), BullModule.registerQueue({ name: PUBLISHING_QUEUE }), AuthModule, ComplianceModule],
  controllers: [ConnectionsController, PublishingController],
  providers: [PublishingRepository, ConnectionsService, PublishingService, PublishingProcessor, PublishQuota, LinkedInAdapter, FacebookAdapter, SocialPublisherRegistry],
  exports: [PublishingService],
})
export class PublishingModule {}
