import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { BotsService } from './bots.service';
import { BotDto, BotRequestDto, CreateBotDto, ListBotsQueryDto } from './dto/bots.dto';

@ApiTags('recall')
@Controller('recall/bots')
export class RecallBotsController {
  constructor(private readonly bots: BotsService) {}

  @Get()
  @ApiOperation({ summary: 'Notetaker bots we created (from our records, never the provider list), newest first' })
  @ApiEnvelope(BotDto, { paged: true })
  list(@Query() query: ListBotsQueryDto) {
    return this.bots.list(query);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a notetaker to a meeting (created in the background; see notice when the hourly limit delays it)' })
  @ApiEnvelope(BotRequestDto, { status: 202 })
  create(@Body() dto: CreateBotDto): Promise<BotRequestDto> {
    return this.bots.request(dto.meetingId);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: "Remove a notetaker (turns the meeting's notetaker off; the bot is deleted or leaves the call)" })
  @ApiEnvelope(BotDto)
  remove(@Param('id') id: string): Promise<BotDto> {
    return this.bots.remove(id);
  }
}
