/**
 * The one list of error extensions a client may see, shared by the subgraphs' mask (`maskError`) and the gateway's
 * (`maskGatewayError`): an extension two masks kept in two lists was dropped by whichever list forgot it (issue 10:
 * both dropped `argumentName`). Each entry says what it means (rendered into docs/error-codes.md) and which values
 * pass; a value of the wrong shape is dropped, so a subgraph or library cannot smuggle an object (a URL, a body)
 * under an allowed name.
 */
export interface ClientExtensionDefinition {
  /** One line for docs/error-codes.md. */
  readonly description: string;
  /** The value as the client may see it, or undefined to drop it. */
  readonly pick: (value: unknown) => unknown;
}

const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...(value as string[])] : undefined;

/** `upstream` carries our operation name and the status the upstream answered; never its URL, headers or body. */
function upstream(value: unknown): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { operation, status } = value as Record<string, unknown>;
  const safe: Record<string, unknown> = {};
  if (typeof operation === 'string') safe['operation'] = operation;
  if (typeof status === 'number') safe['status'] = status;
  return safe;
}

export const CLIENT_EXTENSIONS = Object.freeze({
  code: { description: 'The stable error code (the table below); always present.', pick: string },
  serviceName: {
    description:
      'The role whose upstream system failed or refused: `erp`, `eshop`, `crm` or `marketplace`; `commands` when the writes orchestrator itself could not be reached, `pricing` when the price-consistency subgraph could not.',
    pick: string,
  },
  argumentName: {
    description: 'With `BAD_USER_INPUT`: the argument of the field at `path` that is wrong (absent when no single one is).',
    pick: string,
  },
  upstream: {
    description: "`upstream.operation` (Omnigraph's name of the upstream call) and `upstream.status` (the HTTP status it answered).",
    pick: upstream,
  },
  retryAfterSeconds: { description: 'How long to wait before retrying, when known.', pick: number },
  reason: {
    description: 'With `RETURN_NOT_ELIGIBLE`: why (NOT_DELIVERED, WINDOW_EXPIRED, CANCELLED).',
    pick: (value: unknown) => (typeof value === 'string' && /^[A-Z_]{1,40}$/.test(value) ? value : undefined),
  },
  missingScopes: { description: 'With `FORBIDDEN`: the scopes the credential lacks for the field at `path`.', pick: strings },
  limit: { description: 'With a limit code: the limit that was exceeded.', pick: number },
  actual: { description: 'With a limit code: the value the request had.', pick: number },
} satisfies Record<string, ClientExtensionDefinition>);

export type ClientExtensionName = keyof typeof CLIENT_EXTENSIONS;

/** The names, in the order they are documented. */
export const CLIENT_EXTENSION_NAMES = Object.keys(CLIENT_EXTENSIONS) as readonly ClientExtensionName[];

/** The extensions a client may see out of `source`, each in its allowed shape; everything else is dropped. */
export function pickClientExtensions(source: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of CLIENT_EXTENSION_NAMES) {
    if (source[name] === undefined) continue;
    const value = CLIENT_EXTENSIONS[name].pick(source[name]);
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
