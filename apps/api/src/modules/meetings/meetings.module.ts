import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CalendarSyncState } from './calendar-sync-state.entity';
import { ClientMeeting } from './client-meeting.entity';
import { CalendarController } from './calendar.controller';
import { MeetingsController } from './meetings.controller';
import { MEETINGS_QUEUE } from './meetings.jobs';
import { MeetingsProcessor } from './meetings.processor';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsScheduler } from './meetings.scheduler';
import { MeetingsService } from './meetings.service';
import { CalendarProvider } from './providers/calendar.port';
import { GoogleCalendarAdapter } from './providers/google-calendar.adapter';
import { OpenAiTranscriptionAdapter } from './providers/openai-transcription.adapter';
import { TranscriptionProvider } from './providers/transcription.port';

@Module({
  imports: [TypeOrmModule.forFeature([ClientMeeting, CalendarSyncState]), BullModule.registerQueue({ name: MEETINGS_QUEUE }), AuthModule],
  controllers: [CalendarController, MeetingsController],
  providers: [
    MeetingsService,
    MeetingsRepository,
    MeetingsScheduler,
    MeetingsProcessor,
    { provide: CalendarProvider, useClass: GoogleCalendarAdapter },
    { provide: TranscriptionProvider, useClass: OpenAiTranscriptionAdapter },
  ],
  exports: [MeetingsService],
})
export class MeetingsModule {}
