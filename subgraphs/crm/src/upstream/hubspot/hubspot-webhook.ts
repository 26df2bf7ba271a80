import { headerValue, hmacSha256Base64, signatureMatches, type OnChange, type WebhookRequest, type WebhookRoute } from '@omnigraph/shared/freshness';
import type { Logger } from '@omnigraph/shared/logging';
import { coalesceContactEvents, mapHubSpotWebhookEvent, type HubSpotWebhookEvent } from './hubspot-change-events.ts';

/**
 * HubSpot app webhooks (Target URL in the app's webhook settings), signed with `X-HubSpot-Signature-v3`: base64
 * HMAC-SHA256, keyed with the app's client secret, of `method + URI + body + X-HubSpot-Request-Timestamp`; requests
 * whose timestamp is more than 5 minutes off are refused (replays).
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
 * The URI is the full Target URL HubSpot called (scheme and host included); behind a proxy the subgraph cannot see
 * it, so it is configured (HUBSPOT_WEBHOOK_TARGET_URL), else rebuilt from the Host header.
 */

export const HUBSPOT_WEBHOOK_PATH = '/webhooks/hubspot';
/** HubSpot sends at most 100 events per request; a few hundred bytes each. */
export const HUBSPOT_WEBHOOK_MAX_BODY_BYTES = 256_000;
export const HUBSPOT_MAX_TIMESTAMP_SKEW_MS = 5 * 60 * 1_000;

// HubSpot decodes these in the URI before signing.
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export interface HubSpotWebhookOptions {
  /** the app's client secret */
  clientSecret: string;
  /** the exact Target URL registered in HubSpot; unset → `http://<Host header><path>` (local setups) */
  targetUrl?: string | undefined;
  onChange: OnChange;
  logger: Logger;
  clock?: () => number;
}

export function createHubSpotWebhookRoute(options: HubSpotWebhookOptions): WebhookRoute {
  const clock = options.clock ?? Date.now;
  return {
    path: HUBSPOT_WEBHOOK_PATH,
    maxBodyBytes: HUBSPOT_WEBHOOK_MAX_BODY_BYTES,
    async handle(request) {
      if (!verifyHubSpotSignatureV3(request, options.clientSecret, options.targetUrl, clock())) {
        return { status: 401, body: { error: 'invalid signature' } };
      }
      let payload: unknown;
      try {
        payload = JSON.parse(request.rawBody.toString('utf8'));
      } catch {
        return { status: 400, body: { error: 'body is not JSON' } };
      }
      if (!Array.isArray(payload)) return { status: 400, body: { error: 'expected an array of events' } };
      const receivedAt = new Date(clock());
      const events = coalesceContactEvents(payload.map((e) => mapHubSpotWebhookEvent((e ?? {}) as HubSpotWebhookEvent, receivedAt)));
      try {
        for (const event of events) await options.onChange(event);
      } catch (error) {
        // HubSpot retries 5xx answers (with backoff), so a failed invalidation is attempted again.
        options.logger.error({ err: error }, 'hubspot change not applied; asking HubSpot to retry');
        return { status: 503, body: { error: 'try again' } };
      }
      return { status: 204 };
    },
  };
}

export function verifyHubSpotSignatureV3(request: WebhookRequest, clientSecret: string, targetUrl: string | undefined, nowMs: number): boolean {
  const signature = headerValue(request.headers, 'x-hubspot-signature-v3');
  const timestamp = headerValue(request.headers, 'x-hubspot-request-timestamp');
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs - Number(timestamp)) > HUBSPOT_MAX_TIMESTAMP_SKEW_MS) return false;
  const uri = (targetUrl ?? `http://${headerValue(request.headers, 'host') ?? ''}${request.url}`).replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (m) => DECODED[m.toUpperCase()] ?? m,
  );
  const expected = hmacSha256Base64(clientSecret, `${request.method}${uri}${request.rawBody.toString('utf8')}${timestamp}`);
  return signatureMatches(signature, expected);
}
