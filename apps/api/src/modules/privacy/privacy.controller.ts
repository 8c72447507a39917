import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { Roles } from '../auth/auth.decorators';
import { ClientQueryDto, DeleteClientDataDto, ShredResultDto } from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@Controller('privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('export/me')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'Download everything Aftermeet holds about you (JSON plus transcript files, zipped)' })
  async exportMe(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', 'attachment; filename="aftermeet-my-data.zip"');
    return new StreamableFile(await this.privacy.exportMe());
  }

  @Get('export/client')
  @Roles('compliance_officer', 'admin')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: "Download one client's data across the firm's meetings (compliance, admin)" })
  async exportClient(@Query() q: ClientQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', 'attachment; filename="aftermeet-client-data.zip"');
    return new StreamableFile(await this.privacy.exportClient(q.email));
  }

  @Post('delete-client')
  @HttpCode(200)
  @Roles('compliance_officer', 'admin')
  @ApiOperation({ summary: "Delete a client's meeting data by destroying its encryption keys (books and records are kept)" })
  @ApiEnvelope(ShredResultDto)
  deleteClient(@Body() dto: DeleteClientDataDto): Promise<ShredResultDto> {
    return this.privacy.deleteClient(dto.email);
  }
}
