import { createSandbox } from './app';

/** Entry point: `npx tsx apps/sandbox/src/main.ts` (npm run sandbox). */
async function main(): Promise<void> {
  let sandbox;
  try {
    sandbox = createSandbox();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const server = await sandbox.listen(sandbox.ctx.config.port);
  const { config } = sandbox.ctx;
  console.log(
    `[sandbox] listening on ${server.url} (time scale ${config.timeScale}, recall webhooks → ${config.recallWebhookUrl || 'off'}); inspector ${server.url}/__inspector`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[sandbox] ${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
