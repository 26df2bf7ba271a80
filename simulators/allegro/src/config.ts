import { z } from 'zod';
import { ConfigError, loadSimulatorConfig, type RateLimitConfig, type SimulatorRuntimeConfig, zodProblems } from '@omnigraph/simulator-core';

/**
 * Allegro's documented global budget: 9000 requests a minute per Client_ID, and a Client_ID that goes over it is
 * blocked for a minute (developer.allegro.pl FAQ "Limits and restrictions").
 */
export const ALLEGRO_DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 9000, windowMs: 60_000, blockMs: 60_000 };

/** 12 h minus a second, the `expires_in` real Allegro tokens carry. */
export const ALLEGRO_DEFAULT_TOKEN_TTL_SECONDS = 43_199;

/** What a client needs to get tokens from the simulator, and how tokens behave. */
export interface AllegroCredentials {
  /** the application's Client_ID, sent with the secret as HTTP Basic on the token endpoint */
  clientId: string;
  clientSecret: string;
  /** a seller refresh token that works until it is used once (it rotates, see README) */
  refreshToken: string;
  /** a fixed authorization code standing in for the browser consent step */
  authCode: string;
  /** HMAC key the simulator signs its JWT-shaped tokens with */
  tokenSecret: string;
  /** access-token lifetime; make it 1 in tests to see `invalid_token` expiry */
  tokenTtlSeconds: number;
}

export const DEFAULT_ALLEGRO_CREDENTIALS: AllegroCredentials = {
  clientId: 'omnigraph-simulator-client',
  clientSecret: 'omnigraph-simulator-secret',
  refreshToken: 'omnigraph-simulator-refresh-token',
  authCode: 'omnigraph-simulator-auth-code',
  tokenSecret: 'omnigraph-allegro-simulator-signing-key',
  tokenTtlSeconds: ALLEGRO_DEFAULT_TOKEN_TTL_SECONDS,
};

const nonEmpty = z.string().min(1, 'must not be empty');

const allegroEnvSchema = z
  .object({
    ALLEGRO_SIMULATOR_CLIENT_ID: nonEmpty.default(DEFAULT_ALLEGRO_CREDENTIALS.clientId),
    ALLEGRO_SIMULATOR_CLIENT_SECRET: nonEmpty.default(DEFAULT_ALLEGRO_CREDENTIALS.clientSecret),
    ALLEGRO_SIMULATOR_REFRESH_TOKEN: nonEmpty.default(DEFAULT_ALLEGRO_CREDENTIALS.refreshToken),
    ALLEGRO_SIMULATOR_AUTH_CODE: nonEmpty.default(DEFAULT_ALLEGRO_CREDENTIALS.authCode),
    ALLEGRO_SIMULATOR_TOKEN_SECRET: nonEmpty.default(DEFAULT_ALLEGRO_CREDENTIALS.tokenSecret),
    ALLEGRO_SIMULATOR_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int('must be a whole number of seconds')
      .positive('must be positive')
      .default(ALLEGRO_DEFAULT_TOKEN_TTL_SECONDS),
  })
  .passthrough()
  .superRefine((env, ctx) => {
    // A colon in the id would make the HTTP Basic `id:secret` pair ambiguous.
    if (env.ALLEGRO_SIMULATOR_CLIENT_ID.includes(':')) {
      ctx.addIssue({ code: 'custom', path: ['ALLEGRO_SIMULATOR_CLIENT_ID'], message: 'must not contain ":"' });
    }
  });

export interface AllegroSimulatorConfig {
  runtime: SimulatorRuntimeConfig;
  credentials: AllegroCredentials;
}

/**
 * Reads the common knobs (`ALLEGRO_SIMULATOR_PORT`, `…_RATE_LIMIT`, `SIMULATOR_SEED` …) and Allegro's credentials,
 * reporting every invalid variable of both sets at once.
 */
export function loadAllegroSimulatorConfig(env: NodeJS.ProcessEnv): AllegroSimulatorConfig {
  const issues: string[] = [];
  let runtime: SimulatorRuntimeConfig | undefined;
  try {
    runtime = loadSimulatorConfig('allegro', env, ALLEGRO_DEFAULT_RATE_LIMIT);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues.push(...error.issues);
  }
  const parsed = allegroEnvSchema.safeParse(env);
  if (!parsed.success) {
    issues.push(...zodProblems(parsed.error));
  }
  if (issues.length > 0 || !runtime || !parsed.success) throw new ConfigError('allegro simulator', issues);
  const e = parsed.data;
  return {
    runtime,
    credentials: {
      clientId: e.ALLEGRO_SIMULATOR_CLIENT_ID,
      clientSecret: e.ALLEGRO_SIMULATOR_CLIENT_SECRET,
      refreshToken: e.ALLEGRO_SIMULATOR_REFRESH_TOKEN,
      authCode: e.ALLEGRO_SIMULATOR_AUTH_CODE,
      tokenSecret: e.ALLEGRO_SIMULATOR_TOKEN_SECRET,
      tokenTtlSeconds: e.ALLEGRO_SIMULATOR_TOKEN_TTL_SECONDS,
    },
  };
}
