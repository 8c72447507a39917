import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { AdminError } from './core/admin-error';
import { SandboxClock } from './core/clock';
import { loadConfig, type SandboxConfig } from './core/config';
import type { SandboxContext } from './core/context';
import { FaultConfigError, FaultRegistry, PROVIDERS, type ProviderName } from './core/faults';
import { Inspector } from './core/inspector';
import { renderInspector } from './core/inspector.page';
import { createFacebookModule } from './facebook/facebook.router';
import { createGoogleModule } from './google/google.router';
import { createLinkedInModule } from './linkedin/linkedin.router';
import * as openai from './openai/openai.router';
import { createRecallModule } from './recall/recall.router';

export interface SandboxServer {
  url: string;
  close(): Promise<void>;
}

export interface Sandbox {
  app: express.Express;
  ctx: SandboxContext;
  listen(port?: number): Promise<SandboxServer>;
  /** Provider modules, for tests that need to reach state directly. */
  modules: {
    google: ReturnType<typeof createGoogleModule>;
    recall: ReturnType<typeof createRecallModule>;
    linkedin: ReturnType<typeof createLinkedInModule>;
    facebook: ReturnType<typeof createFacebookModule>;
  };
}

/** Builds the whole sandbox (state, routers, admin, inspector) without listening. */
export function createSandbox(opts: Partial<SandboxConfig> = {}): Sandbox {
  const config = loadConfig(opts);
  const clock = new SandboxClock(config.timeScale, config.seedNow ? new Date(config.seedNow) : undefined);
  const inspector = new Inspector(() => clock.now());
  const faults = new FaultRegistry();
  try {
    faults.replaceAll(config.faults);
  } catch (e) {
    throw new Error(`Invalid sandbox setting SANDBOX_FAULTS: ${(e as Error).message}`, { cause: e });
  }
  const ctx: SandboxContext = { clock, faults, inspector, config };

  const google = createGoogleModule(ctx);
  const recall = createRecallModule(ctx);
  const linkedin = createLinkedInModule(ctx);
  const facebook = createFacebookModule(ctx);
  const openaiRouter = openai.createOpenAiRouter(ctx);
  const openaiAdmin = (openai as Record<string, unknown>).createOpenAiAdminRouter as ((c: SandboxContext) => Router) | undefined;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.set('json spaces', 0);

  const mount = (provider: ProviderName, router: Router) => {
    app.use(
      `/${provider}`,
      (req: Request, res: Response, next: NextFunction) => {
        const started = Date.now();
        res.on('finish', () => inspector.record(provider, 'http', { method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Date.now() - started }));
        next();
      },
      faults.middleware(provider),
      router,
    );
  };
  mount('google', google.router);
  mount('recall', recall.router);
  mount('openai', openaiRouter);
  mount('linkedin', linkedin.router);
  mount('facebook', facebook.router);
  // googleapis-common resolves every method URL against the *origin* of a global rootUrl, so a path
  // prefix such as /google/ is dropped: serve Calendar v3 at the root too (like www.googleapis.com).
  app.use('/calendar/v3', faults.middleware('google'), google.calendar);

  // ---------- admin ----------
  const admin = express.Router();
  admin.use(express.json());
  admin.get('/', (_req, res) => {
    res.json({
      endpoints: [
        'GET|PUT|POST|DELETE /__admin/faults',
        'DELETE /__admin/faults/:provider[/:ruleId]',
        'GET /__admin/clock',
        'POST /__admin/clock/advance {ms|seconds|minutes|hours|days}',
        'POST /__admin/reset',
        'GET|POST /__admin/google/accounts, POST /__admin/google/accounts/:email/revoke|expire-tokens, PUT /__admin/google/consent',
        'GET|POST /__admin/google/events, PATCH /__admin/google/events/:id, POST /__admin/google/events/:id/cancel, POST /__admin/google/sync-tokens/invalidate',
        'GET /__admin/recall/bots, POST /__admin/recall/bots/:id/finish, GET|PUT /__admin/recall/settings, GET /__admin/recall/webhooks',
        'GET|PUT /__admin/linkedin/settings, POST /__admin/linkedin/members/:id/revoke|expire-tokens, GET /__admin/linkedin/posts',
        'GET|PUT /__admin/facebook/settings, POST /__admin/facebook/errors, POST /__admin/facebook/users/:id/invalidate, GET /__admin/facebook/posts',
      ],
    });
  });
  admin.get('/faults', (_req, res) => res.json(faults.list()));
  admin.put('/faults', (req, res) => {
    faults.replaceAll(req.body ?? {});
    res.json(faults.list());
  });
  admin.post('/faults', (req, res) => {
    const added = faults.add(req.body ?? {});
    res.status(201).json({ added, faults: faults.list() });
  });
  admin.delete('/faults', (_req, res) => {
    faults.clear();
    res.json({});
  });
  admin.delete('/faults/:provider{/:id}', (req, res) => {
    const p = req.params.provider as ProviderName;
    if (!(PROVIDERS as readonly string[]).includes(p)) throw new AdminError(`unknown provider "${p}"`);
    faults.remove(p, req.params.id);
    res.json(faults.list());
  });
  const clockJson = () => ({ now: clock.now().toISOString(), offsetMs: clock.offset, scale: clock.scale });
  admin.get('/clock', (_req, res) => res.json(clockJson()));
  admin.post('/clock/advance', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const units: Record<string, number> = { ms: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
    const given = Object.keys(units).filter((k) => b[k] !== undefined);
    if (given.length !== 1) throw new AdminError('give exactly one of ms, seconds, minutes, hours, days');
    const v = b[given[0]];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new AdminError(`${given[0]} must be a number >= 0`);
    clock.advance(v * units[given[0]]);
    res.json(clockJson());
  });
  admin.post('/reset', (_req, res) => {
    clock.reset();
    faults.clear();
    inspector.clear();
    google.reset();
    recall.reset();
    linkedin.reset();
    facebook.reset();
    res.json({ reset: true, ...clockJson() });
  });
  admin.use('/google', google.admin);
  admin.use('/recall', recall.admin);
  admin.use('/linkedin', linkedin.admin);
  admin.use('/facebook', facebook.admin);
  if (typeof openaiAdmin === 'function') admin.use('/openai', openaiAdmin(ctx));
  admin.use((_req, _res) => {
    throw new AdminError('unknown admin endpoint (GET /__admin lists them)', 404);
  });
  admin.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof AdminError) return res.status(err.status).json({ error: err.message });
    if (err instanceof FaultConfigError) return res.status(400).json({ error: err.message });
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.parse.failed') return res.status(400).json({ error: 'body is not valid JSON' });
    res.status(500).json({ error: e?.message ?? 'internal error' });
  });
  app.use('/__admin', admin);

  // ---------- inspector ----------
  app.get('/__inspector.json', (req, res) => {
    const provider = typeof req.query.provider === 'string' ? req.query.provider : undefined;
    const kind = typeof req.query.kind === 'string' ? req.query.kind : undefined;
    const includeHttp = req.query.http === '1';
    const records = inspector.list({ provider, kind }).filter((r) => includeHttp || kind === 'http' || r.kind !== 'http');
    res.json({ now: clock.now().toISOString(), providers: inspector.snapshot(), records });
  });
  app.get('/__inspector', (_req, res) => {
    res.type('html').send(renderInspector(inspector.snapshot(), inspector.list().filter((r) => r.kind !== 'http'), clock.now()));
  });
  app.get('/', (_req, res) => res.redirect(302, '/__inspector'));
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));

  // Unhandled errors in provider routes: a generic 500 (provider shapes come from the routers themselves).
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.parse.failed') return res.status(400).json({ error: { message: 'Request body is not valid JSON', code: 400 } });
    if (e?.status && e.status < 500) return res.status(e.status).json({ error: { message: e.message, code: e.status } });
    console.error('[sandbox] unhandled error', err);
    res.status(500).json({ error: { message: 'sandbox internal error', code: 500 } });
  });

  const listen = (port = config.port): Promise<SandboxServer> =>
    new Promise((resolve, reject) => {
      const server = app.listen(port, () => {
        const actual = (server.address() as AddressInfo).port;
        if (config.publicUrl === `http://localhost:${config.port}` && actual !== config.port) {
          config.publicUrl = `http://localhost:${actual}`;
          config.port = actual;
        }
        resolve({
          url: config.publicUrl,
          close: () =>
            new Promise<void>((res2) => {
              clock.dispose();
              faults.clear();
              server.closeAllConnections?.();
              server.close(() => res2());
            }),
        });
      });
      server.on('error', reject);
    });

  return { app, ctx, listen, modules: { google, recall, linkedin, facebook } };
}
