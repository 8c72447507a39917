import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { ListMeetingsQueryDto, MeetingDto, SyncRequestedDto } from './dto/meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('calendar')
@Controller('calendar/events')
export class CalendarController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOperation({ summary: 'Meetings from your connected calendars (upcoming by default; filters and paging)' })
  @ApiEnvelope(MeetingDto, { paged: true })
  list(@Query() query: ListMeetingsQueryDto) {
    return this.meetings.list(query);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Sync your connected calendars now (queued; the list updates when it finishes)' })
  @ApiEnvelope(SyncRequestedDto, { status: 202 })
  sync(): Promise<SyncRequestedDto> {
    return this.meetings.requestSync();
  }
}
