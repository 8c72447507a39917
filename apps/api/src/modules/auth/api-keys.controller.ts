import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, IssuedApiKeyDto } from './dto';
import { ApiKey } from './entities/api-key.entity';

const toDto = (k: ApiKey): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: `am_${k.prefix}`,
  scope: k.scope,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  ownerUserId: k.userId,
});

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: 'Your API keys (admins see the firm’s)' })
  @ApiEnvelope(ApiKeyDto, { isArray: true })
  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map(toDto);
  }

  @Post()
  @ApiOperation({ summary: 'Issue a key; the secret is in this answer only' })
  @ApiEnvelope(IssuedApiKeyDto, { status: 201 })
  async create(@Body() dto: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    const { key, secret } = await this.keys.issue(dto.name, dto.scope);
    return { key: toDto(key), secret };
  }

  @Post(':id/rotate')
  @ApiOperation({ summary: 'Replace a key with a new secret; the old one stops working at once' })
  @ApiEnvelope(IssuedApiKeyDto, { status: 201 })
  async rotate(@Param('id') id: string): Promise<IssuedApiKeyDto> {
    const { key, secret } = await this.keys.rotate(id);
    return { key: toDto(key), secret };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key' })
  @ApiEnvelope(ApiKeyDto)
  async revoke(@Param('id') id: string): Promise<ApiKeyDto> {
    return toDto(await this.keys.revoke(id));
  }
}
