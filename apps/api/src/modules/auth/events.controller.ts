import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RawResponse } from '../../infra/http/api-envelope';
import { Actor } from '../../infra/http/request-context';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { CurrentActor } from './auth.decorators';

const HEARTBEAT_MS = 25_000;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly realtime: RealtimeService) {}

  @Get()
  @RawResponse()
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-sent events for the signed-in user (EventSource; token in ?access_token=)' })
  stream(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): void {
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache, no-transform');
    res.setHeader('connection', 'keep-alive');
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();
    let id = 0;
    const send = (type: string, payload: Record<string, unknown>) => {
      res.write(`id: ${++id}\nevent: ${type}\ndata: ${JSON.stringify(payload)}\n\n`);
    };
    send('ready', { userId: actor.userId });
    const detach = this.realtime.attach({ userId: actor.userId!, firmId: actor.firmId!, role: actor.role!, send });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      detach();
    });
  }
}
