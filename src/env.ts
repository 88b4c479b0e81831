import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: `npm start` runs an embedded PostgreSQL with demo data. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The schema owner's connection, for migrations (applied at start when set). DATABASE_URL is then the
   * server's own role: a member of jisr_app that owns nothing. Unset: migrations run as DATABASE_URL,
   * which in production must already be up to date (the server refuses to start as an owner or superuser).
   */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  /** The origin browsers use to reach the app; mutations must carry it. Unset: the request's own Host. */
  PUBLIC_ORIGIN: z.string().url().optional(),
  /** Served over HTTPS (directly or behind a TLS proxy): cookies become `__Host-` + Secure. */
  HTTPS: bool.default(false),
  /**
   * Reverse proxies in front: a hop count (`1` for one TLS proxy) or their addresses/CIDRs
   * (`10.0.0.0/8,127.0.0.1`). `true` means one hop: trusting every hop would let a client
   * forge its address in X-Forwarded-For (and so the rate limit and the audit log's IP).
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): false | number | string =>
      v === 'false' || v === '0' || v === '' ? false : v === 'true' ? 1 : /^\d+$/.test(v) ? Number(v) : v,
    ),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  DB_POOL_MAX: z.coerce.number().int().min(1).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Data keys for sensitive free text: `1:<base64 32 bytes>[,2:…]`. Required with DATABASE_URL. */
  JISR_DATA_KEY: z.string().min(1).optional(),
  JISR_DEMO_PASSWORD: z.string().min(12).default('jisr-demo-2026'),
  JISR_DATA_DIR: z.string().default('.data'),
  /** Set by `npm start` (scripts/start.ts) to the pid of what started it: the app stops once that is gone. */
  JISR_STOP_WITH: z.coerce.number().int().optional(),
  /** `off`: this process runs no scheduled jobs (the reminder sweep); some other replica must. */
  JOBS: z.enum(['on', 'off']).default('on'),
  /**
   * Ed25519 private key that signs the audit chain heads (PKCS#8, PEM or its base64 DER). Unset with
   * DATABASE_URL: no checkpoints (a warning at start); in demo mode one is made under JISR_DATA_DIR.
   */
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /** Where signed checkpoints go: one append-only file per chain. Meant for another disk or a WORM mount. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /** Optionally also POST each checkpoint (JSON) to a second system over HTTPS. */
  AUDIT_CHECKPOINT_URL: z.string().url().startsWith('https://').optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  /**
   * The mail server alerts go through: `smtp://user:pass@host:587` or `smtps://…:465`. Unset: alerts are
   * still queued and shown in the app, none is e-mailed (the admin's alerts page says so).
   */
  JISR_SMTP_URL: z.string().url().optional(),
  /** The From of alert e-mails (an address of the deployment, e.g. `Jisr <alerts@city.example>`). */
  JISR_MAIL_FROM: z.string().min(3).default('Jisr <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment once; the only reader of process.env in the app. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${fields}`);
  }
  return parsed.data;
}
