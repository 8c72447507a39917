import 'reflect-metadata';
import { createHttpApp, createWorkerContext } from './bootstrap';
import { ConfigError, loadConfig } from './infra/config/config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  if (!config.runsHttp) {
    await createWorkerContext(config);
    return;
  }
  const app = await createHttpApp(config);
  await app.listen(config.port, '0.0.0.0');
}

main().catch((err) => {
  process.stderr.write(`Aftermeet API failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
