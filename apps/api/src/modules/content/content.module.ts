import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { MeetingsService } from '../meetings/meetings.service';
import { AutomationsService } from './automations.service';
import { AutomationsController, ContentController } from './content.controller';
import { CONTENT_QUEUE } from './content.jobs';
import { ContentProcessor } from './content.processor';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';
import { DraftingService } from './drafting.service';
import { Automation } from './entities/automation.entity';
import { ContentVersion } from './entities/content-version.entity';
import { GeneratedContent } from './entities/generated-content.entity';
import { GenerationRun } from './entities/generation-run.entity';
import { LLM } from './providers/llm.port';
import { OpenAiLlmAdapter } from './providers/openai-llm.adapter';
import { TRANSCRIPT_SOURCE } from './transcript-source';

@Module({
  imports: [
    TypeOrmModule.forFeature([Automation, GenerationRun, GeneratedContent, ContentVersion]),
    BullModule.registerQueue({ name: CONTENT_QUEUE }),
    AuthModule,
    ComplianceModule,
    MeetingsModule,
  ],
  controllers: [ContentController, AutomationsController],
  providers: [
    ContentRepository,
    AutomationsService,
    ContentService,
    DraftingService,
    ContentProcessor,
    { provide: LLM, useClass: OpenAiLlmAdapter },
    { provide: TRANSCRIPT_SOURCE, useExisting: MeetingsService },
  ],
  exports: [ContentService],
})
export class ContentModule {}
