/**
 * The framework's ceiling on this machine: a NestJS 12 app on platform-express with one GET route
 * that does nothing. No guards, pipes, interceptors, logging or database. Run as its own process by
 * bench/api-load.ts (PORT from the environment).
 */
import 'reflect-metadata';
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
  const app = await NestFactory.create(BareModule, { logger: ['error'] });
  await app.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
  process.stdout.write(`bare nest listening on ${process.env.PORT}\n`);
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, () => void app.close().then(() => process.exit(0)));
}

void main();
