/**
 * The low-cardinality, personal-data-free form of an upstream URL path, for logs, span names and attributes:
 * `/crm/v3/objects/contacts/jan%40example.pl?idProperty=email` → `/crm/v3/objects/contacts/{id}`.
 *
 * A segment is kept only when it looks like a fixed part of an API (`crm`, `v3`, `res.partner`, `search_read`,
 * `checkout-forms`): letters with `.`, `_` or `-`, or a version. Everything else (numbers, UUIDs, SKUs, e-mails, any
 * encoded character) becomes `{id}`. The query string is dropped whole: it carries filters such as a buyer's login.
 * An absolute URL keeps only its path (the host is its own attribute, `server.address`).
 */
export function endpointTemplate(url: string | undefined): string {
  if (url === undefined || url === '') return '/';
  let path = url;
  const scheme = path.indexOf('://');
  if (scheme !== -1) {
    const slash = path.indexOf('/', scheme + 3);
    path = slash === -1 ? '/' : path.slice(slash);
  }
  const end = path.search(/[?#]/);
  if (end !== -1) path = path.slice(0, end);
  const segments = path.split('/').map((segment) => (segment === '' || FIXED_SEGMENT.test(segment) ? segment : '{id}'));
  const templated = segments.join('/');
  return templated.startsWith('/') ? templated : `/${templated}`;
}

const FIXED_SEGMENT = /^(?:[A-Za-z][A-Za-z_.-]{0,63}|v\d{1,2}|\d)$/;
