/**
 * Environment of the WooCommerce simulator: the core knobs (`WOOCOMMERCE_SIMULATOR_PORT`, `…_LATENCY_MS`,
 * `…_RATE_LIMIT`, …; wc/v3 has no rate limit, so there is none unless configured) plus the API keys and the site URL.
 * Every problem is reported at once.
 */
import { z } from 'zod';
import { ConfigError, loadSimulatorConfig, type SimulatorRuntimeConfig, zodProblems } from '@omnigraph/simulator-core';
import { DEFAULT_CREDENTIALS } from './create-woocommerce-simulator.ts';
import type { WooCommerceCredentials } from './woocommerce-types.ts';

const P = 'WOOCOMMERCE_SIMULATOR_';

const consumerKey = z.string().regex(/^ck_[A-Za-z0-9]{8,}$/, 'must look like a WooCommerce consumer key: "ck_" followed by letters/digits');
const consumerSecret = z.string().regex(/^cs_[A-Za-z0-9]{8,}$/, 'must look like a WooCommerce consumer secret: "cs_" followed by letters/digits');

const wooEnvSchema = z
  .object({
    [`${P}CONSUMER_KEY`]: consumerKey.default(DEFAULT_CREDENTIALS.consumerKey),
    [`${P}CONSUMER_SECRET`]: consumerSecret.default(DEFAULT_CREDENTIALS.consumerSecret),
    [`${P}READONLY_CONSUMER_KEY`]: consumerKey.default(DEFAULT_CREDENTIALS.readOnlyConsumerKey),
    [`${P}READONLY_CONSUMER_SECRET`]: consumerSecret.default(DEFAULT_CREDENTIALS.readOnlyConsumerSecret),
    [`${P}SITE_URL`]: z.url({ protocol: /^https?$/ }).optional(),
    [`${P}WEBHOOK_TIMEOUT_MS`]: z.coerce.number().int().positive().default(5_000),
  })
  .passthrough();

export interface WooCommerceSimulatorConfig {
  runtime: SimulatorRuntimeConfig;
  credentials: WooCommerceCredentials;
  siteUrl: string | null;
  webhookTimeoutMs: number;
}

export function loadWooCommerceSimulatorConfig(env: NodeJS.ProcessEnv): WooCommerceSimulatorConfig {
  const issues: string[] = [];
  let runtime: SimulatorRuntimeConfig | undefined;
  try {
    runtime = loadSimulatorConfig('woocommerce', env, null);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues.push(...error.issues);
  }
  const parsed = wooEnvSchema.safeParse(env);
  if (!parsed.success) issues.push(...zodProblems(parsed.error));
  if (parsed.success) {
    const d = parsed.data as Record<string, unknown>;
    if (d[`${P}CONSUMER_KEY`] === d[`${P}READONLY_CONSUMER_KEY`]) {
      issues.push(`${P}READONLY_CONSUMER_KEY: must differ from ${P}CONSUMER_KEY (one key has one permission)`);
    }
  }
  if (issues.length > 0 || !runtime || !parsed.success) throw new ConfigError('woocommerce simulator', issues);
  const d = parsed.data as Record<string, unknown>;
  return {
    runtime,
    credentials: {
      consumerKey: d[`${P}CONSUMER_KEY`] as string,
      consumerSecret: d[`${P}CONSUMER_SECRET`] as string,
      readOnlyConsumerKey: d[`${P}READONLY_CONSUMER_KEY`] as string,
      readOnlyConsumerSecret: d[`${P}READONLY_CONSUMER_SECRET`] as string,
    },
    siteUrl: (d[`${P}SITE_URL`] as string | undefined) ?? null,
    webhookTimeoutMs: d[`${P}WEBHOOK_TIMEOUT_MS`] as number,
  };
}
