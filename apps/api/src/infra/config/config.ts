import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ProviderName } from '../resilience/provider-error';
import type { ProviderPolicy } from '../resilience/resilience.policies';
import { EnvSchema } from './env.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Typed, grouped view of the validated environment. The only object in the app that knows env names. */
export interface AppConfig {
  env: EnvSchema['NODE_ENV'];
  role: EnvSchema['API_ROLE'];
  runsHttp: boolean;
  runsWorkers: boolean;
  port: number;
  http: { processes: number; keepAliveSeconds: number };
  publicUrl: string;
  webOrigin: string;
  logLevel: string;
  bodyLimit: string;
  webDistDir?: string;
  database: { url: string; poolSize: number; migrationsRun: boolean };
  redis: { url: string; prefix: string };
  security: {
    encryptionKeys: EncryptionKey[];
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    secureCookies: boolean;
  };
  throttle: { perMinute: number };
  metricsToken?: string;
  privacy: { defaultRetentionDays: number };
  resilienceOverrides: Partial<Record<ProviderName, Partial<ProviderPolicy>>>;
  google: { clientId: string; clientSecret: string; authUrl: string; tokenUrl: string; userinfoUrl: string; calendarBaseUrl: string };
  recall: { baseUrl: string; apiKey: string; webhookSecret: string };
  meetings: { syncIntervalSec: number };
  bots: { pollIntervalSec: number; announceRecording: boolean; perAdvisorPerHour: number };
  openai: { baseUrl: string; apiKey: string; model: string; transcriptionModel: string };
  linkedin: { clientId: string; clientSecret: string; authBaseUrl: string; apiBaseUrl: string; version: string };
  facebook: { appId: string; appSecret: string; wwwBaseUrl: string; graphBaseUrl: string; graphVersion: string };
  publishing: {
    limits: Record<'linkedin' | 'facebook' | 'advisor', { points: number; windowSec: number }>;
    concurrency: number;
    attempts: number;
    verifyGraceSec: number;
    verifyIntervalSec: number;
    lockMs: number;
    connectionCheckSec: number;
    reconnectWarnDays: number;
  };
}

export class ConfigError extends Error {}

/** Validates `env` and returns the typed config, or throws a ConfigError whose message is one line naming the setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new EnvSchema());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const constraints = Object.entries(first.constraints ?? {});
    // Report the type problem ("must be an integer") before range problems.
    constraints.sort(([a], [b]) => Number(b.startsWith('is')) - Number(a.startsWith('is')));
    const reason = constraints[0]?.[1] ?? 'is invalid';
    throw new ConfigError(`Invalid setting ${first.property}: ${reason} (got ${JSON.stringify(raw[first.property] ?? null)})`);
  }
  const e = parsed;
  const encryptionKeys = e.ENCRYPTION_KEYS.split(',').map((pair) => {
    const [id, b64] = pair.split(':');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`Invalid setting ENCRYPTION_KEYS: key ${id} is not 32 bytes`);
    return { id, key };
  });
  if (e.NODE_ENV === 'production' && e.JWT_SECRET.startsWith('dev-only')) {
    throw new ConfigError('Invalid setting JWT_SECRET: set a real secret in production');
  }
  let resilienceOverrides: AppConfig['resilienceOverrides'] = {};
  if (e.RESILIENCE_OVERRIDES) {
    try {
      resilienceOverrides = JSON.parse(e.RESILIENCE_OVERRIDES) as AppConfig['resilienceOverrides'];
    } catch {
      throw new ConfigError('Invalid setting RESILIENCE_OVERRIDES: not valid JSON');
    }
  }
  return {
    env: e.NODE_ENV,
    resilienceOverrides,
    throttle: { perMinute: e.THROTTLE_PER_MINUTE },
    metricsToken: e.METRICS_TOKEN,
    privacy: { defaultRetentionDays: e.PRIVACY_DEFAULT_RETENTION_DAYS },
    role: e.API_ROLE,
    runsHttp: e.API_ROLE !== 'worker',
    runsWorkers: e.API_ROLE !== 'api',
    port: e.PORT,
    http: { processes: e.API_PROCESSES, keepAliveSeconds: e.HTTP_KEEP_ALIVE_SECONDS },
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    webOrigin: e.WEB_ORIGIN.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    webDistDir: e.WEB_DIST_DIR,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, migrationsRun: e.DATABASE_MIGRATIONS_RUN },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    security: {
      encryptionKeys,
      jwtSecret: e.JWT_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TTL_SECONDS,
      secureCookies: e.PUBLIC_URL.startsWith('https://'),
    },
    google: {
      clientId: e.GOOGLE_CLIENT_ID,
      clientSecret: e.GOOGLE_CLIENT_SECRET,
      authUrl: e.GOOGLE_AUTH_URL,
      tokenUrl: e.GOOGLE_TOKEN_URL,
      userinfoUrl: e.GOOGLE_USERINFO_URL,
      calendarBaseUrl: e.GOOGLE_CALENDAR_BASE_URL.replace(/\/$/, ''),
    },
    recall: { baseUrl: e.RECALL_BASE_URL.replace(/\/$/, ''), apiKey: e.RECALL_API_KEY, webhookSecret: e.RECALL_WEBHOOK_SECRET },
    meetings: { syncIntervalSec: e.CALENDAR_SYNC_INTERVAL_SECONDS },
    bots: { pollIntervalSec: e.RECALL_POLL_INTERVAL_SECONDS, announceRecording: e.RECALL_ANNOUNCE_RECORDING, perAdvisorPerHour: e.RECALL_BOTS_PER_HOUR },
    openai: { baseUrl: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY, model: e.OPENAI_MODEL, transcriptionModel: e.OPENAI_TRANSCRIPTION_MODEL },
    linkedin: {
      clientId: e.LINKEDIN_CLIENT_ID,
      clientSecret: e.LINKEDIN_CLIENT_SECRET,
      authBaseUrl: e.LINKEDIN_AUTH_BASE_URL.replace(/\/$/, ''),
      apiBaseUrl: e.LINKEDIN_API_BASE_URL.replace(/\/$/, ''),
      version: e.LINKEDIN_VERSION,
    },
    facebook: {
      appId: e.FACEBOOK_APP_ID,
      appSecret: e.FACEBOOK_APP_SECRET,
      wwwBaseUrl: e.FACEBOOK_WWW_BASE_URL.replace(/\/$/, ''),
      graphBaseUrl: e.FACEBOOK_GRAPH_BASE_URL.replace(/\/$/, ''),
      graphVersion: e.FACEBOOK_GRAPH_VERSION,
    },
    publishing: {
      limits: {
        linkedin: { points: e.PUBLISH_LINKEDIN_LIMIT, windowSec: e.PUBLISH_LINKEDIN_WINDOW_SECONDS },
        facebook: { points: e.PUBLISH_FACEBOOK_LIMIT, windowSec: e.PUBLISH_FACEBOOK_WINDOW_SECONDS },
        advisor: { points: e.PUBLISH_ADVISOR_LIMIT, windowSec: e.PUBLISH_ADVISOR_WINDOW_SECONDS },
      },
      concurrency: e.PUBLISH_CONCURRENCY,
      attempts: e.PUBLISH_JOB_ATTEMPTS,
      verifyGraceSec: e.PUBLISH_VERIFY_GRACE_SECONDS,
      verifyIntervalSec: e.PUBLISH_VERIFY_INTERVAL_SECONDS,
      lockMs: e.PUBLISH_WORKER_LOCK_MS,
      connectionCheckSec: e.SOCIAL_CONNECTION_CHECK_SECONDS,
      reconnectWarnDays: e.SOCIAL_RECONNECT_WARN_DAYS,
    },
  };
}
