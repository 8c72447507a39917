import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContentModule } from '../content/content.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PrivacyController } from './privacy.controller';
import { PRIVACY_QUEUE, PrivacyProcessor } from './privacy.processor';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [BullModule.registerQueue({ name: PRIVACY_QUEUE }), AuthModule, MeetingsModule, ContentModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, PrivacyProcessor],
  exports: [PrivacyService],
})
export class PrivacyModule {}
