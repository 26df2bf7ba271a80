import {
  ConfigError,
  envPrefix,
  loadSimulatorConfig,
  type RateLimitConfig,
  type SimulatorRuntimeConfig,
  zodProblems,
} from '@omnigraph/simulator-core';
import { z } from 'zod';
import type { HubSpotCredentials } from './hubspot-context.ts';
import { PORTAL_VARIANTS, type PortalVariant } from './hubspot-properties.ts';
import { DEFAULT_SUBSCRIPTIONS, parseSubscription, type WebhookSettings } from './webhook-dispatcher.ts';

/** Professional/Enterprise private apps: 190 requests per rolling 10 s (policy TEN_SECONDLY_ROLLING). */
export const HUBSPOT_DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 190, windowMs: 10_000 };
/** CRM search: 5 requests per second per token (policy SECONDLY). */
export const HUBSPOT_DEFAULT_SEARCH_RATE_LIMIT: RateLimitConfig = { limit: 5, windowMs: 1_000 };
/** Professional private apps: 650 000 requests per day. */
export const HUBSPOT_DEFAULT_DAILY_LIMIT = 650_000;

export const DEFAULT_CREDENTIALS: HubSpotCredentials = {
  token: 'pat-eu1-5f0c2a7e-9b41-4d6a-8c3e-2a7d91b4e6f0',
  portalId: 25_814_603,
  appId: 3_217_654,
  appSecret: '7e3b9c1a-4f2d-4a8e-b6c5-0d9e8f7a6b5c',
};

export interface HubSpotSimulatorConfig extends SimulatorRuntimeConfig {
  credentials: HubSpotCredentials;
  searchRateLimit: RateLimitConfig | null;
  dailyLimit: number;
  webhooks: Partial<WebhookSettings>;
  /** HUBSPOT_SIMULATOR_PORTAL_VARIANT: `standard` or `text-pl` (see PortalVariant) */
  portalVariant: PortalVariant;
}

const P = `${envPrefix('hubspot')}_SIMULATOR_`;

const hubspotEnvSchema = z
  .object({
    [`${P}TOKEN`]: z.string().min(8, 'must be at least 8 characters').default(DEFAULT_CREDENTIALS.token),
    [`${P}PORTAL_ID`]: z.coerce.number().int().positive().default(DEFAULT_CREDENTIALS.portalId),
    [`${P}APP_ID`]: z.coerce.number().int().positive().default(DEFAULT_CREDENTIALS.appId),
    [`${P}APP_SECRET`]: z.string().min(1).default(DEFAULT_CREDENTIALS.appSecret),
    [`${P}SEARCH_RATE_LIMIT`]: z.union([z.literal('off'), z.coerce.number().int().positive()]).default(HUBSPOT_DEFAULT_SEARCH_RATE_LIMIT.limit),
    [`${P}DAILY_LIMIT`]: z.coerce.number().int().positive().default(HUBSPOT_DEFAULT_DAILY_LIMIT),
    [`${P}WEBHOOK_URL`]: z.string().url().optional(),
    [`${P}PORTAL_VARIANT`]: z.enum(PORTAL_VARIANTS as [PortalVariant, ...PortalVariant[]]).default('standard'),
    [`${P}WEBHOOK_SUBSCRIPTIONS`]: z
      .string()
      .refine(
        (s) => s.split(',').every((x) => parseSubscription(x.trim()) !== null),
        'comma-separated subscription types, e.g. contact.creation,contact.propertyChange:loyalty_points',
      )
      .optional(),
  })
  .passthrough();

/**
 * Reads the core knobs (`HUBSPOT_SIMULATOR_PORT`, `_RATE_LIMIT`, `_LATENCY_MS`, …) with HubSpot's real budget as the
 * default, plus the private-app credentials, the search budget and the webhook target. Reports every problem at once.
 */
export function loadHubSpotSimulatorConfig(env: NodeJS.ProcessEnv): HubSpotSimulatorConfig {
  const problems: string[] = [];
  let core: SimulatorRuntimeConfig | null = null;
  try {
    core = loadSimulatorConfig('hubspot', env, HUBSPOT_DEFAULT_RATE_LIMIT);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.issues);
  }
  const own = hubspotEnvSchema.safeParse(env);
  if (!own.success) problems.push(...zodProblems(own.error));
  if (problems.length > 0 || !core || !own.success) throw new ConfigError('hubspot simulator', problems);
  const e = own.data as Record<string, unknown>;
  const searchLimit = e[`${P}SEARCH_RATE_LIMIT`] as number | 'off';
  const subscriptions = e[`${P}WEBHOOK_SUBSCRIPTIONS`] as string | undefined;
  return {
    ...core,
    credentials: {
      token: e[`${P}TOKEN`] as string,
      portalId: e[`${P}PORTAL_ID`] as number,
      appId: e[`${P}APP_ID`] as number,
      appSecret: e[`${P}APP_SECRET`] as string,
    },
    searchRateLimit: searchLimit === 'off' ? null : { limit: searchLimit, windowMs: HUBSPOT_DEFAULT_SEARCH_RATE_LIMIT.windowMs },
    dailyLimit: e[`${P}DAILY_LIMIT`] as number,
    portalVariant: e[`${P}PORTAL_VARIANT`] as PortalVariant,
    webhooks: {
      targetUrl: (e[`${P}WEBHOOK_URL`] as string | undefined) ?? null,
      subscriptions: subscriptions ? subscriptions.split(',').map((s) => s.trim()) : [...DEFAULT_SUBSCRIPTIONS],
    },
  };
}
