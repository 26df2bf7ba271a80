import { createHmac } from 'node:crypto';

export interface WebhookDelivery {
  url: string;
  /** the exact bytes that are signed and sent */
  body: string;
  headers: Record<string, string>;
  /** @default 5_000 */
  timeoutMs?: number;
}

export interface WebhookResult {
  url: string;
  /** HTTP status, or null when the receiver could not be reached */
  status: number | null;
  error?: string;
}

/** POSTs one webhook; never throws, because a broken receiver must not break the API call that caused the event. */
export async function deliverWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
  try {
    const res = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...delivery.headers },
      body: delivery.body,
      signal: AbortSignal.timeout(delivery.timeoutMs ?? 5_000),
    });
    await res.arrayBuffer();
    return { url: delivery.url, status: res.status };
  } catch (error) {
    return { url: delivery.url, status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** base64 HMAC-SHA256, the signature scheme of both WooCommerce and HubSpot v3 webhooks. */
export function hmacSha256Base64(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}
