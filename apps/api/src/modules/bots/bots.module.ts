import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RecallBotsController } from './bots.controller';
import { RecallWebhookController } from './recall-webhook.controller';
import { BOTS_QUEUE } from './bots.jobs';
import { BotsListener } from './bots.listener';
import { BotsProcessor } from './bots.processor';
import { BotsRepository } from './bots.repository';
import { BotsScheduler } from './bots.scheduler';
import { BotsService } from './bots.service';
import { NotetakerProvider } from './providers/notetaker.port';
import { RecallAdapter } from './providers/recall.adapter';
import { RecallBot } from './recall-bot.entity';
import { RecallBotStatus } from './recall-bot-status.entity';
import { RecallWebhookReceipt } from './recall-webhook-receipt.entity';
import { RecallWebhookService } from './recall-webhook.service';

@Module({
  imports: [TypeOrmModule.forFeature([RecallBot, RecallBotStatus, RecallWebhookReceipt]), BullModule.registerQueue({ name: BOTS_QUEUE }), AuthModule, MeetingsModule],
  controllers: [RecallBotsController, RecallWebhookController],
  providers: [BotsService, BotsRepository, RecallWebhookService, BotsProcessor, BotsListener, BotsScheduler, { provide: NotetakerProvider, useClass: RecallAdapter }],
  exports: [BotsService],
})
export class BotsModule {}
