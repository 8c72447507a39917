import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { AutomationsService } from './automations.service';
import { ContentService } from './content.service';
import {
  AutomationDto,
  ContentDto,
  ContentListQueryDto,
  ContentVersionDto,
  CreateAutomationDto,
  EditContentDto,
  GeneratePostsDto,
  GenerationAcceptedDto,
  RegenerateDto,
  UpdateAutomationDto,
} from './dto/content.dto';

@ApiTags('content')
@Controller()
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Post('generate-posts')
  @HttpCode(202)
  @ApiOperation({ summary: 'Draft the summary, follow-up email and posts for a meeting (runs in the background)' })
  @ApiEnvelope(GenerationAcceptedDto, { status: 202 })
  generate(@Body() dto: GeneratePostsDto): Promise<GenerationAcceptedDto> {
    return this.content.requestGeneration(dto.meetingId, dto.instruction);
  }

  @Get('content')
  @ApiOperation({ summary: "A meeting's drafts with their compliance status, evidence and AI record" })
  @ApiEnvelope(ContentDto, { isArray: true })
  list(@Query() q: ContentListQueryDto): Promise<ContentDto[]> {
    return this.content.listForMeeting(q.meetingId);
  }

  @Get('content/:id')
  @ApiOperation({ summary: 'One draft' })
  @ApiEnvelope(ContentDto)
  get(@Param('id') id: string): Promise<ContentDto> {
    return this.content.get(id);
  }

  @Get('content/:id/versions')
  @ApiOperation({ summary: 'Every version of a draft: who changed what, and how' })
  @ApiEnvelope(ContentVersionDto, { isArray: true })
  versions(@Param('id') id: string): Promise<ContentVersionDto[]> {
    return this.content.versions(id);
  }

  @Patch('content/:id')
  @ApiOperation({ summary: 'Edit a draft; posts are validated again at once' })
  @ApiEnvelope(ContentDto)
  edit(@Param('id') id: string, @Body() dto: EditContentDto): Promise<ContentDto> {
    return this.content.edit(id, dto.text, dto.title);
  }

  @Post('content/:id/regenerate')
  @HttpCode(202)
  @ApiOperation({ summary: 'Write this draft again, optionally with an instruction' })
  @ApiEnvelope(GenerationAcceptedDto, { status: 202 })
  regenerate(@Param('id') id: string, @Body() dto: RegenerateDto): Promise<GenerationAcceptedDto> {
    return this.content.regenerate(id, dto.instruction);
  }

  @Post('content/:id/accept-suggestion')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept the compliance reviewer's suggested edit in one click" })
  @ApiEnvelope(ContentDto)
  acceptSuggestion(@Param('id') id: string): Promise<ContentDto> {
    return this.content.acceptSuggestion(id);
  }
}

@ApiTags('automations')
@Controller('automations')
export class AutomationsController {
  constructor(private readonly automations: AutomationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your automations and the firm defaults' })
  @ApiEnvelope(AutomationDto, { isArray: true })
  list(): Promise<AutomationDto[]> {
    return this.automations.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create an automation (admins: firmDefault for everyone)' })
  @ApiEnvelope(AutomationDto, { status: 201 })
  create(@Body() dto: CreateAutomationDto): Promise<AutomationDto> {
    return this.automations.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an automation' })
  @ApiEnvelope(AutomationDto)
  update(@Param('id') id: string, @Body() dto: UpdateAutomationDto): Promise<AutomationDto> {
    return this.automations.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete an automation' })
  @ApiEnvelope(null)
  async remove(@Param('id') id: string): Promise<null> {
    await this.automations.remove(id);
    return null;
  }
}
