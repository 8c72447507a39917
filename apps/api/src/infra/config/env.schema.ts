import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Every setting the API reads, in the order of .env.example. Validated once at boot: a missing or
 * malformed value stops the process with one line naming it.
 */
export class EnvSchema {
  // --- runtime ---
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @IsIn(['all', 'api', 'worker']) API_ROLE: 'all' | 'api' | 'worker' = 'all';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** HTTP processes sharing PORT (node:cluster); one per core uses every core for requests. */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) API_PROCESSES = 1;
  /** How long an idle keep-alive connection stays open; above the load balancer's idle timeout. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600) HTTP_KEEP_ALIVE_SECONDS = 65;
  @IsUrl(url) PUBLIC_URL = 'http://localhost:3000';
  @IsUrl(url) WEB_ORIGIN = 'http://localhost:3000';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @Matches(/^\d+(kb|mb)$/i) BODY_LIMIT = '1mb';
  @IsOptional() @IsString() WEB_DIST_DIR?: string;

  // --- storage ---
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/aftermeet';
  @Transform(toInt) @IsInt() @Min(1) DATABASE_POOL_SIZE = 10;
  @Transform(toBool) @IsBoolean() DATABASE_MIGRATIONS_RUN = true;
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' }) REDIS_URL = 'redis://127.0.0.1:6379';
  @IsString() @Matches(/^[a-z0-9:_-]+$/i) REDIS_PREFIX = 'aftermeet';

  // --- security ---
  /** Comma-separated `keyId:base64key` list; the first is used for new data, the rest still decrypt. */
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'ENCRYPTION_KEYS must be keyId:base64(32 bytes)[,keyId:base64...]',
  })
  ENCRYPTION_KEYS = 'dev1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=';
  @IsString() @IsNotEmpty() JWT_SECRET = 'dev-only-jwt-secret-change-me';
  @Transform(toInt) @IsInt() @Min(60) JWT_ACCESS_TTL_SECONDS = 900;
  @Transform(toInt) @IsInt() @Min(3600) REFRESH_TTL_SECONDS = 60 * 60 * 24 * 30;
  /** Requests per minute per user, API key or (signed out) client address. */
  @Transform(toInt) @IsInt() @Min(1) THROTTLE_PER_MINUTE = 600;

  /** Days a meeting's transcript and drafts are kept before the purge destroys them, unless the firm sets its own. */
  @Transform(toInt) @IsInt() @Min(1) PRIVACY_DEFAULT_RETENTION_DAYS = 730;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  @IsOptional() @IsString() METRICS_TOKEN?: string;
  /** JSON per provider overriding the breaker/timeout/retry numbers, e.g. {"recall":{"timeoutMs":5000}}. */
  @IsOptional() @IsString() RESILIENCE_OVERRIDES?: string;

  // --- providers: Google ---
  @IsString() GOOGLE_CLIENT_ID = 'sandbox-google-client-id';
  @IsString() GOOGLE_CLIENT_SECRET = 'sandbox-google-client-secret';
  @IsUrl(url) GOOGLE_AUTH_URL = 'http://localhost:4000/google/o/oauth2/v2/auth';
  @IsUrl(url) GOOGLE_TOKEN_URL = 'http://localhost:4000/google/token';
  @IsUrl(url) GOOGLE_USERINFO_URL = 'http://localhost:4000/google/v1/userinfo';
  @IsUrl(url) GOOGLE_CALENDAR_BASE_URL = 'http://localhost:4000/google/calendar/v3';

  // --- providers: Recall.ai ---
  @IsUrl(url) RECALL_BASE_URL = 'http://localhost:4000/recall';
  @IsString() RECALL_API_KEY = 'sandbox-recall-key';
  @IsString() RECALL_WEBHOOK_SECRET = 'whsec_YWZ0ZXJtZWV0LXNhbmRib3gtcmVjYWxsLXdlYmhvb2stc2VjcmV0IQ==';

  // --- meetings and bots ---
  /** How often each connected calendar is synced; 0 turns the repeatable sync off (sync on demand only). */
  @Transform(toInt) @IsInt() @Min(0) CALENDAR_SYNC_INTERVAL_SECONDS = 300;
  /** Fallback polling of live bots (when webhooks are off or lost); 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) RECALL_POLL_INTERVAL_SECONDS = 60;
  /** Bots announce the recording in the meeting chat when they join (Recall's chat.on_bot_join). */
  @Transform(toBool) @IsBoolean() RECALL_ANNOUNCE_RECORDING = true;
  /** Bot creations per advisor per hour (architecture.md: 5). */
  @Transform(toInt) @IsInt() @Min(1) RECALL_BOTS_PER_HOUR = 5;

  // --- providers: OpenAI (or any OpenAI-compatible server) ---
  @IsUrl(url) OPENAI_BASE_URL = 'http://localhost:4000/openai/v1';
  @IsString() OPENAI_API_KEY = 'sandbox-openai-key';
  @IsString() OPENAI_MODEL = 'gpt-4o-mini';
  @IsString() OPENAI_TRANSCRIPTION_MODEL = 'whisper-1';

  // --- providers: LinkedIn ---
  @IsString() LINKEDIN_CLIENT_ID = 'sandbox-linkedin-client-id';
  @IsString() LINKEDIN_CLIENT_SECRET = 'sandbox-linkedin-client-secret';
  @IsUrl(url) LINKEDIN_AUTH_BASE_URL = 'http://localhost:4000/linkedin/oauth/v2';
  @IsUrl(url) LINKEDIN_API_BASE_URL = 'http://localhost:4000/linkedin';
  @Matches(/^\d{6}$/) LINKEDIN_VERSION = '202610';

  // --- providers: Facebook ---
  @IsString() FACEBOOK_APP_ID = 'sandbox-facebook-app-id';
  @IsString() FACEBOOK_APP_SECRET = 'sandbox-facebook-app-secret';
  @IsUrl(url) FACEBOOK_WWW_BASE_URL = 'http://localhost:4000/facebook/www';
  @IsUrl(url) FACEBOOK_GRAPH_BASE_URL = 'http://localhost:4000/facebook/graph';
  @Matches(/^v\d+\.0$/) FACEBOOK_GRAPH_VERSION = 'v23.0';

  // --- publishing (architecture.md: LinkedIn 100/day, Facebook 25/hour, 20 posts/day per advisor) ---
  /** Posts we send to LinkedIn per window (the app's share); windows are aligned to the clock (UTC days by default). */
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_LINKEDIN_LIMIT = 100;
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_LINKEDIN_WINDOW_SECONDS = 86_400;
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_FACEBOOK_LIMIT = 25;
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_FACEBOOK_WINDOW_SECONDS = 3_600;
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_ADVISOR_LIMIT = 20;
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_ADVISOR_WINDOW_SECONDS = 86_400;
  /** Publishing jobs one worker process runs at once. */
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_CONCURRENCY = 5;
  /** Attempts before a publication goes to the dead-letter list. */
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_JOB_ATTEMPTS = 12;
  /** How long a post the platform accepted may stay invisible before it becomes needs-check. */
  @Transform(toInt) @IsInt() @Min(0) PUBLISH_VERIFY_GRACE_SECONDS = 300;
  @Transform(toInt) @IsInt() @Min(1) PUBLISH_VERIFY_INTERVAL_SECONDS = 30;
  /** BullMQ lock of a publishing job; a worker that dies loses its jobs to another after about this long. */
  @Transform(toInt) @IsInt() @Min(500) PUBLISH_WORKER_LOCK_MS = 30_000;
  /** How often social connections are checked for expiry (refresh or re-connect prompt); 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) SOCIAL_CONNECTION_CHECK_SECONDS = 3_600;
  /** Days before a token expires when the advisor is asked to re-connect. */
  @Transform(toInt) @IsInt() @Min(1) SOCIAL_RECONNECT_WARN_DAYS = 7;
}
