// `npm run crypto:reencrypt`: after prepending a new key to ENCRYPTION_KEYS, rewrites every
// registered ciphertext column under it (books and records stay under the key that wrote them).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '../apps/api/src/infra/config/config';
import { ReencryptService } from '../apps/api/src/infra/crypto/reencrypt.service';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, API_ROLE: 'api' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  const reports = await app.get(ReencryptService).reencryptAll();
  console.table(reports);
  console.log(`Current key: ${config.security.encryptionKeys[0].id}. Keep older keys configured while append-only records written under them are retained.`);
  await app.close();
}

main().catch((err) => {
  process.stderr.write(`re-encryption failed: ${err.stack ?? err}\n`);
  process.exit(1);
});
