/**
 * The framework's ceiling on this machine: a NestJS 12 app on platform-express with one GET route
 * that does nothing. No guards, pipes, interceptors, logging or database. Run as its own process by
 * bench/api-load.ts (PORT from the environment). BARE_PROCESSES > 1 runs that many processes on the
 * port through node:cluster, like the API's API_PROCESSES, so the two are compared like for like.
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class BareController {
  @Get('bare')
  bare(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const processes = Number(process.env.BARE_PROCESSES ?? 1);
  if (processes > 1 && cluster.isPrimary) {
    for (let i = 0; i < processes; i++) cluster.fork();
    for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, () => Object.values(cluster.workers ?? {}).forEach((w) => w?.process.kill(s)));
    cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    return;
  }
  const app = await NestFactory.create(BareModule, { logger: ['error'] });
  // same keep-alive as the API (HTTP_KEEP_ALIVE_SECONDS), so idle client connections stay open
  (app.getHttpServer() as { keepAliveTimeout: number }).keepAliveTimeout = 65_000;
  await app.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
  process.stdout.write(`bare nest listening on ${process.env.PORT}\n`);
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, () => void app.close().then(() => process.exit(0)));
}

void main();
