import { Body, Controller, Get, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { ConsentDto, MeetingDto, ToggleNotetakerDto, TranscriptDto, TranscriptQueryDto } from './dto/meetings.dto';
import { MeetingsService } from './meetings.service';

const FILE_BODY: ApiBodyOptions = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One meeting: time, link, attendees, notetaker choice, bot status, transcript state' })
  @ApiEnvelope(MeetingDto)
  get(@Param('id') id: string): Promise<MeetingDto> {
    return this.meetings.get(id);
  }

  @Patch(':id/notetaker')
  @ApiOperation({ summary: 'Send (or stop sending) a notetaker to this meeting' })
  @ApiEnvelope(MeetingDto)
  toggle(@Param('id') id: string, @Body() dto: ToggleNotetakerDto): Promise<MeetingDto> {
    return this.meetings.setNotetaker(id, dto.enabled);
  }

  @Patch(':id/consent')
  @ApiOperation({ summary: 'Mark that a participant asked not to be recorded (no content is kept when your firm requires consent)' })
  @ApiEnvelope(MeetingDto)
  consent(@Param('id') id: string, @Body() dto: ConsentDto): Promise<MeetingDto> {
    return this.meetings.setConsent(id, dto.doNotRecord);
  }

  @Get(':id/transcript')
  @ApiOperation({ summary: 'The transcript with speakers and timestamps; ?q= searches within it' })
  @ApiEnvelope(TranscriptDto)
  transcript(@Param('id') id: string, @Query() query: TranscriptQueryDto): Promise<TranscriptDto> {
    return this.meetings.getTranscript(id, query.q);
  }

  @Post(':id/transcript')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Upload a transcript file (.vtt, .srt, .txt or Recall JSON; a recording is transcribed) for a meeting without a bot' })
  @ApiEnvelope(TranscriptDto, { status: 201 })
  upload(@Param('id') id: string, @UploadedFile() file?: Express.Multer.File): Promise<TranscriptDto> {
    return this.meetings.uploadTranscript(id, file);
  }

  @Post(':id/audio')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 25 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Upload a recording (mp3, m4a, wav, webm…); it is transcribed and stored as the transcript' })
  @ApiEnvelope(TranscriptDto, { status: 201 })
  audio(@Param('id') id: string, @UploadedFile() file?: Express.Multer.File): Promise<TranscriptDto> {
    return this.meetings.uploadAudio(id, file);
  }
}
