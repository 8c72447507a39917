import { INestApplication, INestApplicationContext, RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { QueueDashboard } from './modules/ops/queue-dashboard';
import { AppConfig } from './infra/config/config';
import { AllExceptionsFilter } from './infra/http/exception.filter';
import { EnvelopeInterceptor } from './infra/http/envelope.interceptor';
import { RequestContext } from './infra/http/request-context';
import { createValidationPipe } from './infra/http/validation';

export interface CreateAppOptions {
  /** Extra modules (tests mount probes this way). */
  extraModules?: Type<unknown>[];
  /** Use Nest's plain logger (tests keep output quiet). */
  quiet?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const NON_SPA_PREFIXES = ['/api', '/health', '/metrics', '/admin'];

/** Builds the HTTP application with every convention of the API applied, ready to listen. */
export async function createHttpApp(config: AppConfig, opts: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, opts.extraModules), {
    bufferLogs: !opts.quiet,
    logger: opts.quiet ? false : undefined,
    rawBody: true,
    bodyParser: false,
  });
  if (!opts.quiet) app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.set('x-powered-by', false);

  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    RequestContext.run({ requestId: id, startedAt: Date.now() }, next);
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'https:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.enableCors({ origin: [config.webOrigin], credentials: true, exposedHeaders: ['x-request-id', 'retry-after'] });
  applyGlobalPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalInterceptors(new EnvelopeInterceptor());

  const document = buildOpenApiDocument(app);
  app.use('/api/openapi.json', (_req: Request, res: Response) => res.json(document));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Aftermeet API' });

  app.get(QueueDashboard).mount(app, config.security.secureCookies);
  serveSpa(app, config);
  app.enableShutdownHooks();
  return app;
}

/** In `npm start` the API serves the built SPA on the same origin; unknown non-API paths get index.html. */
function serveSpa(app: NestExpressApplication, config: AppConfig): void {
  const dir = config.webDistDir ?? join(process.cwd(), 'dist', 'web');
  if (!existsSync(join(dir, 'index.html'))) return;
  // Static files are looked up only for SPA paths, so API requests never touch the filesystem.
  const assets = express.static(dir, { index: false, maxAge: '1h' });
  const isApi = (path: string) => NON_SPA_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req.path) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NON_SPA_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return next();
    if (!req.accepts('html')) return next();
    res.sendFile(join(dir, 'index.html'));
  });
}

/** Everything lives under /api except the operator's endpoints. */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Aftermeet API')
    .setDescription(
      'Meetings → transcripts → compliant drafts → reviewed, published posts. Every answer is an envelope ' +
        '`{ success, data, metadata }`; errors are `{ success: false, error: { code, message, details } }`.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'apiKey')
    .addCookieAuth('am_refresh', { type: 'apiKey', in: 'cookie', name: 'am_refresh' }, 'refreshCookie')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}` });
}

/** A worker-only process: the same modules, no HTTP server. */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
