import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { Roles } from '../auth/auth.decorators';
import { PrivacyService } from './privacy.service';

export class ClientQueryDto {
  /** The client's email, as it appears among meeting attendees. */
  @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email: string;
}

export class DeleteClientDataDto {
  @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email: string;
}

export class ShredResultDto {
  @ApiProperty() meetings: number;
  @ApiProperty() keysDestroyed: number;
  @ApiProperty() recordsKept: string;
}

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
