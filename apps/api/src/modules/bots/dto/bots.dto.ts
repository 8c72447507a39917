import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class CreateBotDto {
  /** The meeting to send a notetaker to (turns its notetaker on). */
  @IsUUID() meetingId: string;
}

export class BotStatusEntryDto {
  code: string;
  subCode: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['webhook', 'poll', 'api'] }) source: string;
}

export class BotDto {
  id: string;
  meetingId: string;
  /** Recall's bot id, once created there. */
  externalId: string | null;
  @ApiProperty({ enum: ['pending', 'scheduled', 'active', 'ended', 'completed', 'failed', 'cancelled'] }) state: string;
  statusCode: string | null;
  statusSubCode: string | null;
  @ApiProperty({ format: 'date-time' }) joinAt: string;
  meetingUrl: string;
  /** Whether the bot announces the recording in the meeting chat. */
  chatAnnounced: boolean;
  /** When creation waits for the hourly limit: the time it will be created. */
  @ApiProperty({ format: 'date-time', nullable: true }) waitingUntil: string | null;
  lastError: string | null;
  timeline: BotStatusEntryDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BotRequestDto {
  meetingId: string;
  /** pending until the queued job creates it at Recall. */
  bot: BotDto | null;
  /** A clear message when the hourly limit delays creation. */
  notice: string | null;
}

export class ListBotsQueryDto {
  /** Only the bots of this meeting. */
  @IsOptional() @IsUUID() meetingId?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) offset?: number;
}
