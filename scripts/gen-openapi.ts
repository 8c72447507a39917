// Writes the OpenAPI document of the built API to libs/api-client/openapi.json without connecting
// to anything (Nest preview mode), so CI can regenerate it and fail when the committed one is stale.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { applyGlobalPrefix, buildOpenApiDocument } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/infra/config/config';

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })), { preview: true, logger: false });
  applyGlobalPrefix(app);
  const document = buildOpenApiDocument(app);
  const out = join(process.cwd(), 'libs/api-client/openapi.json');
  mkdirSync(join(process.cwd(), 'libs/api-client'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${out} (${Object.keys(document.paths).length} paths)\n`);
  await app.close();
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
