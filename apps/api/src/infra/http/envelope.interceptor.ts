import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { responseMetadata } from './envelope';

export const RAW_RESPONSE = 'aftermeet:raw-response';

/** Wraps every JSON answer in `{ success, data, metadata }`. Streams, files and redirects pass through. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const raw = Reflect.getMetadata(RAW_RESPONSE, context.getHandler()) || Reflect.getMetadata(RAW_RESPONSE, context.getClass());
    if (raw) return next.handle();
    return next.handle().pipe(
      map((data: unknown) => {
        const res = context.switchToHttp().getResponse<Response>();
        if (data instanceof StreamableFile || res.headersSent) return data;
        return { success: true, data: data ?? null, metadata: responseMetadata() };
      }),
    );
  }
}
