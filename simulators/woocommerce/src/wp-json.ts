/**
 * JSON the way WordPress writes it.
 *
 * WordPress encodes REST responses and webhook bodies with `wp_json_encode()`, i.e. PHP's `json_encode()` without
 * JSON_UNESCAPED_SLASHES or JSON_UNESCAPED_UNICODE: every "/" becomes "\/" and every non-ASCII character a lowercase
 * "\uXXXX" escape ("Poznań" → "Pozna\u0144"). Parsers do not care, but a webhook receiver that re-serializes the
 * parsed body before checking the HMAC signature does: reproducing the bytes exactly keeps that bug visible.
 */

/**
 * Stored records carry this token where the site URL goes (permalinks, `_links`), so the same stored object can be
 * served under whatever host the simulator is reached at. It contains no character that the escaping changes.
 */
export const SITE_TOKEN = '@@wc-site@@';

const PHP_ESCAPED = /[/\u0080-\uffff]/g;

function escapeChar(ch: string): string {
  if (ch === '/') return '\\/';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** PHP-compatible escaping of an already JSON-encoded text. */
export function phpEscapeJson(json: string): string {
  return json.replace(PHP_ESCAPED, escapeChar);
}

/**
 * Encoded records, by identity. Stored records are never mutated (writes store new objects), so the encoding of an
 * object never goes stale; a list response is then a join of cached strings instead of a fresh serialization.
 */
const encodedRecords = new WeakMap<object, string>();

function encodeRecord(value: unknown): string {
  if (typeof value !== 'object' || value === null) return phpEscapeJson(JSON.stringify(value) ?? 'null');
  let json = encodedRecords.get(value);
  if (json === undefined) {
    json = phpEscapeJson(JSON.stringify(value));
    encodedRecords.set(value, json);
  }
  return json;
}

/** `wp_json_encode($value)` with the site token replaced by `siteUrl` (no trailing slash). */
export function wpJsonEncode(value: unknown, siteUrl: string): string {
  const json = Array.isArray(value) ? `[${value.map(encodeRecord).join(',')}]` : encodeRecord(value);
  if (!json.includes(SITE_TOKEN)) return json;
  return json.split(SITE_TOKEN).join(phpEscapeJson(JSON.stringify(siteUrl).slice(1, -1)));
}
