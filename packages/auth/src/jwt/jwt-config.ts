import { z } from 'zod';
import { ConfigError, configIssuesOf } from '@omnigraph/shared/config';
import type { ConfigIssue, Env } from '@omnigraph/shared/config';
import { scopeSchema } from '../api-key-record.ts';

/** claim path → claim value → scopes, e.g. `{"roles": {"call-center": ["customers:read"]}}`. */
export type ScopeMap = Record<string, Record<string, string[]>>;

export interface JwtAuthConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  /**
   * claim path → claim value → scopes; e.g. {"roles": {"call-center": ["customers:read","customers:pii","orders:read"]},
   * "scope": {"catalog.read": ["catalog:read"]}}. Array claims and space-separated string claims (OAuth `scope`) both
   * work; a path with dots (`realm_access.roles`) reaches into nested objects unless a top-level claim has that exact name.
   */
  scopeMap: ScopeMap;
  /** @default 'sub' */
  subjectClaim: string;
  rateLimitPerMinute: number;
}

export const JWT_CONFIG_KEYS: string[] = [
  'OMNIGRAPH_OIDC_JWKS_URL',
  'OMNIGRAPH_OIDC_ISSUER',
  'OMNIGRAPH_OIDC_AUDIENCE',
  'OMNIGRAPH_OIDC_SCOPE_MAP',
  'OMNIGRAPH_OIDC_CLOCK_TOLERANCE_SECONDS',
  'OMNIGRAPH_OIDC_SUBJECT_CLAIM',
  'OMNIGRAPH_OIDC_RATE_LIMIT_PER_MINUTE',
];

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const required = (schema: z.ZodType) => z.preprocess(emptyAsUndefined, schema);

const scopeMapSchema = z
  .record(
    z.string().min(1),
    z.record(z.string().min(1), z.array(scopeSchema)).refine((values) => Object.keys(values).length > 0, 'maps no claim value'),
  )
  .refine((map) => Object.keys(map).length > 0, 'maps no claim');

// The map arrives as JSON text; parse it inside the schema so a syntax error is one more issue, not a throw.
const scopeMapFromJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON: {"<claim path>": {"<claim value>": ["area:action", …]}}' });
      return z.NEVER;
    }
  })
  .pipe(scopeMapSchema);

const jwtEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  OMNIGRAPH_OIDC_JWKS_URL: required(z.url({ protocol: /^https?$/ })),
  OMNIGRAPH_OIDC_ISSUER: required(z.string().min(1)),
  OMNIGRAPH_OIDC_AUDIENCE: required(z.string().min(1)),
  OMNIGRAPH_OIDC_SCOPE_MAP: required(scopeMapFromJson),
  // A few seconds cover clock drift between the identity provider and us; minutes would stretch every token's life.
  OMNIGRAPH_OIDC_CLOCK_TOLERANCE_SECONDS: required(z.coerce.number().int().min(0).max(300).default(30)),
  OMNIGRAPH_OIDC_SUBJECT_CLAIM: required(z.string().min(1).default('sub')),
  OMNIGRAPH_OIDC_RATE_LIMIT_PER_MINUTE: required(z.coerce.number().int().positive().default(600)),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Keys fetched over plain http can be swapped by anyone on the path, who could then mint tokens we accept. Production
 * must use https; loopback stays allowed for a sidecar or a local identity provider.
 */
function jwksTransportIssues(env: Env): ConfigIssue[] {
  const url = URL.canParse(env.OMNIGRAPH_OIDC_JWKS_URL ?? '') ? new URL(env.OMNIGRAPH_OIDC_JWKS_URL as string) : undefined;
  if (env.NODE_ENV !== 'production' || url?.protocol !== 'http:' || LOOPBACK.has(url.hostname)) return [];
  return [{ path: 'OMNIGRAPH_OIDC_JWKS_URL', message: 'must use https in production (http only on loopback)' }];
}

/**
 * OIDC bearer-token settings, or undefined when OMNIGRAPH_OIDC_JWKS_URL is unset (OIDC off: API keys only).
 * Throws ConfigError listing every problem at once, names only, never values.
 */
export function loadJwtAuthConfig(env: Env): JwtAuthConfig | undefined {
  if (emptyAsUndefined(env.OMNIGRAPH_OIDC_JWKS_URL) === undefined) return undefined;
  const result = jwtEnvSchema.safeParse(env);
  const issues: ConfigIssue[] = result.success ? [] : configIssuesOf(result.error);
  issues.push(...jwksTransportIssues(env));
  if (!result.success || issues.length > 0) throw new ConfigError('auth', issues);
  const parsed = result.data;
  return {
    jwksUrl: parsed.OMNIGRAPH_OIDC_JWKS_URL as string,
    issuer: parsed.OMNIGRAPH_OIDC_ISSUER as string,
    audience: parsed.OMNIGRAPH_OIDC_AUDIENCE as string,
    clockToleranceSeconds: parsed.OMNIGRAPH_OIDC_CLOCK_TOLERANCE_SECONDS as number,
    scopeMap: parsed.OMNIGRAPH_OIDC_SCOPE_MAP as ScopeMap,
    subjectClaim: parsed.OMNIGRAPH_OIDC_SUBJECT_CLAIM as string,
    rateLimitPerMinute: parsed.OMNIGRAPH_OIDC_RATE_LIMIT_PER_MINUTE as number,
  };
}
