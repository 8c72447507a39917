import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiEnvelope, RawResponse } from '../../infra/http/api-envelope';
import { Public } from '../auth/auth.decorators';
import { ConnectionsService } from './connections.service';
import { ConnectionDto, ConnectUrlDto, FacebookPageOptionDto, SelectPageDto } from './dto/publishing.dto';
import type { SocialPlatform } from './entities/social-account.entity';

enum Platform {
  linkedin = 'linkedin',
  facebook = 'facebook',
}
const platformPipe = new ParseEnumPipe(Platform);

@ApiTags('social-connections')
@Controller('social/connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Get()
  @ApiOperation({ summary: 'Your LinkedIn and Facebook connections with their health and expiry' })
  @ApiEnvelope(ConnectionDto, { isArray: true })
  list(): Promise<ConnectionDto[]> {
    return this.connections.list();
  }

  @Post(':platform/connect')
  @ApiParam({ name: 'platform', enum: Platform })
  @ApiOperation({ summary: 'Get the URL that connects LinkedIn or Facebook when the browser opens it' })
  @ApiEnvelope(ConnectUrlDto, { status: 201 })
  connect(@Param('platform', platformPipe) platform: SocialPlatform): Promise<ConnectUrlDto> {
    return this.connections.connectUrl(platform);
  }

  @Get(':platform/callback')
  @Public()
  @RawResponse()
  @ApiParam({ name: 'platform', enum: Platform })
  @ApiOperation({ summary: 'OAuth callback (browser only): back to /settings with connected= or error=' })
  async callback(@Param('platform', platformPipe) platform: SocialPlatform, @Query() q: Record<string, string>, @Res() res: Response): Promise<void> {
    res.redirect(302, await this.connections.completeConnect(platform, q));
  }

  @Get(':id/pages')
  @ApiOperation({ summary: 'Facebook Pages you shared, to pick the one to post to' })
  @ApiEnvelope(FacebookPageOptionDto, { isArray: true })
  pages(@Param('id') id: string): Promise<FacebookPageOptionDto[]> {
    return this.connections.pages(id);
  }

  @Post(':id/page')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose the Facebook Page this connection posts to' })
  @ApiEnvelope(ConnectionDto)
  selectPage(@Param('id') id: string, @Body() dto: SelectPageDto): Promise<ConnectionDto> {
    return this.connections.selectPage(id, dto.pageId);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disconnect an account; nothing more is posted to it' })
  @ApiEnvelope(null)
  async disconnect(@Param('id') id: string): Promise<null> {
    await this.connections.disconnect(id);
    return null;
  }
}
