import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { levels } from 'pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { RequestContext } from '../http/request-context';

/** Structured JSON logs; every line of a request or job carries its request id. Secrets are redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req) => (req as unknown as { id: string }).id,
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          // The completion line is at info: below that level, say so up front, so pino-http does not
          // build the line's logger and fields for every request only to drop them.
          customLogLevel: () => completionLevel(config.logLevel),
          // No binding at all (rather than `actor: undefined`, which prints nothing) while no one is
          // signed in, as at the start of every request: pino-http then makes no child logger for it.
          customProps: () => {
            const actor = RequestContext.actor()?.id;
            return (actor ? { actor } : undefined) as object;
          },
          mixin: () => {
            const requestId = RequestContext.requestId();
            return requestId ? { requestId } : {};
          },
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["x-api-key"]',
              'req.headers["x-csrf-token"]',
              'res.headers["set-cookie"]',
              '*.accessToken',
              '*.refreshToken',
              '*.access_token',
              '*.refresh_token',
              '*.password',
              '*.secret',
            ],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
            // Response headers carry Location (OAuth state and codes) and cookies: log the status only.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

function completionLevel(level: string): 'info' | 'silent' {
  return level !== 'silent' && (levels.values[level] ?? 0) <= levels.values.info ? 'info' : 'silent';
}
