import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PLATFORMS } from '../meeting-link';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class ListMeetingsQueryDto {
  /** upcoming (default: not yet ended, soonest first) or past (already started, latest first). */
  @ApiPropertyOptional({ enum: ['upcoming', 'past'] }) @IsOptional() @IsIn(['upcoming', 'past']) when?: 'upcoming' | 'past';
  /** Meetings starting at or after this instant. */
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  /** Meetings starting before this instant. */
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: PLATFORMS }) @IsOptional() @IsIn(PLATFORMS) platform?: (typeof PLATFORMS)[number];
  /** Only meetings with (true) or without (false) a notetaker bot. */
  @IsOptional() @Transform(toBool) @IsBoolean() hasBot?: boolean;
  /** Search in the title and attendees' names and emails. */
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) offset?: number;
}

export class AttendeeDto {
  email: string;
  name: string | null;
  @ApiProperty({ enum: ['needsAction', 'declined', 'tentative', 'accepted'], nullable: true }) responseStatus: string | null;
  organizer: boolean;
  self: boolean;
}

export class MeetingDto {
  id: string;
  title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ['confirmed', 'tentative', 'cancelled'] }) status: string;
  @ApiProperty({ enum: PLATFORMS, nullable: true }) platform: string | null;
  meetingUrl: string | null;
  attendees: AttendeeDto[];
  /** The connected Google account the event came from. */
  sourceAccountEmail: string | null;
  notetakerEnabled: boolean;
  @ApiProperty({ enum: ['default', 'user'] }) notetakerChoice: string;
  /** Why the default did not send a notetaker: private, declined, or `keyword:<k>` (the exclusion keyword that matched). */
  excludedReason: string | null;
  /** The advisor marked that a participant asked not to record. */
  doNotRecord: boolean;
  /** Live status of the notetaker bot (Recall status code, or pending / waiting_rate_limit / retrying / cancelled). */
  botStatus: string | null;
  botStatusDetail: string | null;
  transcriptAvailable: boolean;
  @ApiProperty({ enum: ['none', 'stored', 'withheld', 'deleted'] }) transcriptState: string;
  /** Why a transcript was withheld, or where it came from. */
  transcriptNote: string | null;
}

export class ToggleNotetakerDto {
  @IsBoolean() enabled: boolean;
}

export class ConsentDto {
  /** True when a participant asked not to be recorded. */
  @IsBoolean() doNotRecord: boolean;
}

export class TranscriptQueryDto {
  /** Only segments whose text or speaker contains this (case-insensitive). */
  @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export class TranscriptSegmentDto {
  speaker: string | null;
  /** Seconds from the start of the recording. */
  start: number | null;
  end: number | null;
  text: string;
}

export class TranscriptDto {
  meetingId: string;
  @ApiProperty({ enum: ['none', 'stored', 'withheld'] }) state: string;
  source: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) storedAt: string | null;
  note: string | null;
  /** Segments in the transcript (before the search filter). */
  total: number;
  segments: TranscriptSegmentDto[];
}

export class SyncRequestedDto {
  /** Connected accounts whose sync was queued. */
  accounts: string[];
}
