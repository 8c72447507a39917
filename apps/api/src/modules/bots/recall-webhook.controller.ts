import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { Public } from '../auth/auth.decorators';
import { RecallWebhookService } from './recall-webhook.service';

@ApiTags('recall')
@Controller('recall/webhook')
export class RecallWebhookController {
  constructor(private readonly webhooks: RecallWebhookService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Recall.ai status webhooks (Svix signature required: webhook-* or svix-* headers)' })
  @ApiEnvelope(null)
  receive(@Req() req: Request & { rawBody?: Buffer }) {
    return this.webhooks.handle(req.rawBody, req.headers);
  }
}
