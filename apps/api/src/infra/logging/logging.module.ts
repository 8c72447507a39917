import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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
          customProps: () => ({ actor: RequestContext.actor()?.id }),
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
