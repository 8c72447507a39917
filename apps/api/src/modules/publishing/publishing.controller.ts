import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { Roles } from '../auth/auth.decorators';
import { PublicationDetailDto, PublicationDto, PublicationsQueryDto, PublishRequestDto, ResolveNeedsCheckDto } from './dto/publishing.dto';
import { PublishingService } from './publishing.service';

@ApiTags('publishing')
@Controller('social')
export class PublishingController {
  constructor(private readonly publishing: PublishingService) {}

  @Post('publish')
  @ApiOperation({ summary: 'Publish an approved post now, or schedule it (409 unless approved and unchanged since approval)' })
  @ApiEnvelope(PublicationDto, { status: 201 })
  publish(@Body() dto: PublishRequestDto): Promise<PublicationDto> {
    return this.publishing.publish(dto);
  }

  @Get('publications')
  @ApiOperation({ summary: 'Scheduled and published posts with their status and live links' })
  @ApiEnvelope(PublicationDto, { paged: true })
  list(@Query() q: PublicationsQueryDto) {
    return this.publishing.list(q);
  }

  @Get('publications/:id')
  @ApiOperation({ summary: 'A publication with its attempts and the archived text' })
  @ApiEnvelope(PublicationDetailDto)
  detail(@Param('id') id: string): Promise<PublicationDetailDto> {
    return this.publishing.detail(id);
  }

  @Post('publications/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a scheduled post' })
  @ApiEnvelope(PublicationDetailDto)
  cancel(@Param('id') id: string): Promise<PublicationDto> {
    return this.publishing.cancel(id);
  }

  @Post('publications/:id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Settle a needs-check publication: found on the platform (recorded as published) or not there (sent again)' })
  @ApiEnvelope(PublicationDetailDto)
  resolve(@Param('id') id: string, @Body() dto: ResolveNeedsCheckDto): Promise<PublicationDetailDto> {
    return this.publishing.resolve(id, dto);
  }

  @Get('dead-letters')
  @Roles('admin')
  @ApiOperation({ summary: 'Publications that failed after their last attempt (your firm)' })
  @ApiEnvelope(PublicationDto, { paged: true })
  deadLetters(@Query() q: PublicationsQueryDto) {
    return this.publishing.deadLetters(q);
  }

  @Post('dead-letters/:id/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Send a failed publication again (re-checked against its approval first)' })
  @ApiEnvelope(PublicationDetailDto)
  retry(@Param('id') id: string): Promise<PublicationDto> {
    return this.publishing.retry(id);
  }
}
