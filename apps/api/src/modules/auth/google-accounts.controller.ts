import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { GoogleConnectUrlDto, GoogleAccountDto } from './dto';
import { GoogleAccountsService } from './google-accounts.service';

@ApiTags('google-accounts')
@Controller('google-accounts')
export class GoogleAccountsController {
  constructor(private readonly accounts: GoogleAccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Your connected Google accounts (calendar sources)' })
  @ApiEnvelope(GoogleAccountDto, { isArray: true })
  list(): Promise<GoogleAccountDto[]> {
    return this.accounts.list();
  }

  @Post('connect')
  @ApiOperation({ summary: 'Get a one-time URL that adds another Google account when the browser opens it' })
  @ApiEnvelope(GoogleConnectUrlDto, { status: 201 })
  connect(): Promise<GoogleConnectUrlDto> {
    return this.accounts.connectUrl();
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disconnect a Google account; its meetings stop syncing' })
  @ApiEnvelope(null)
  async disconnect(@Param('id') id: string): Promise<null> {
    await this.accounts.disconnect(id);
    return null;
  }
}
