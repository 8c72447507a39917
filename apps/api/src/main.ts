import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { createHttpApp, createWorkerContext } from './bootstrap';
import { ConfigError, loadConfig, type AppConfig } from './infra/config/config';
import { runClusterPrimary } from './infra/http/cluster';

async function main(): Promise<void> {
  let config: AppConfig;
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
  // Several HTTP processes share the port; the primary only supervises them.
  if (config.http.processes > 1 && cluster.isPrimary) {
    runClusterPrimary(config);
    return;
  }
  const app = await createHttpApp(config);
  const server = app.getHttpServer() as Server;
  // Clients (and load balancers) keep connections open between requests: don't close them first,
  // or a request sent as the server closes the idle socket fails with a reset.
  server.keepAliveTimeout = config.http.keepAliveSeconds * 1000;
  server.headersTimeout = server.keepAliveTimeout + 5000;
  await app.listen(config.port, '0.0.0.0');
}

main().catch((err) => {
  process.stderr.write(`Aftermeet API failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
