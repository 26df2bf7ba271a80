import type { IncomingMessage } from 'node:http';
import { Kind, print, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from '@omnigraph/shared/logging';
import { gatewayRateLimitDecisions } from '@omnigraph/shared/metrics';
import { priorityOf } from '@omnigraph/shared/sources';
import { authorizeOperation, UNDECLARED_SCOPE, type RemovedField, type ScopeMap } from '../authorization/index.ts';
import { checkOperationLimits, createOperationLimitsMemo, type CheckedOperation, type GraphQLRequestBody } from '../limits/operation-limits.ts';
import { rateLimitHeaders, type RateLimiter } from '../rate-limit/index.ts';
import { BodyTooLargeError, readBody } from '@omnigraph/shared/graphql-server';
import type { createAuthenticator, KeyDocument, Principal } from './authenticate.ts';
import { createBoundedMemo } from '../bounded-memo.ts';
import { normalizeDocumentId } from './persisted-documents.ts';
import type { ConcurrencyLimiter } from './concurrency.ts';
import type { LoadShedder } from './load-shedding.ts';
import type { Profile, ProfileSettings } from './profiles.ts';
import { canonicalText, type OperationRegistry } from './registered-operations.ts';
import { refusal, refusalOf, type Refusal } from './refusal.ts';
import { boundCustomerRefusal } from '../customer-tokens/bound-operations.ts';
import { edgePhase } from '../telemetry/request-telemetry.ts';

/** What the edge enforces against: swapped whole on every schema load or update. */
export interface EdgeSchema {
  apiSchema: GraphQLSchema;
  scopeMap: ScopeMap;
}

export interface EdgeOptions {
  schema: () => EdgeSchema;
  authenticator: ReturnType<typeof createAuthenticator>;
  limiter: RateLimiter;
  registry: OperationRegistry;
  profiles: Record<Profile, ProfileSettings>;
  logger?: Pick<Logger, 'warn' | 'debug'> | undefined;
  /** requests in flight per subject, capped at the profile's `maxConcurrent`; absent: no cap */
  concurrency?: ConcurrencyLimiter | undefined;
  /** process-wide shedding on event-loop lag and requests in flight; absent: none */
  shedder?: LoadShedder | undefined;
}

/** An admitted request: the (possibly rewritten) body for Apollo, who asked, and what the caller must be told. */
export interface Admission {
  kind: 'execute';
  body: GraphQLRequestBody | GraphQLRequestBody[];
  principal: Principal;
  headers: Record<string, string>;
  /** FORBIDDEN errors per executed query text, merged into that operation's response */
  removedByQuery: Map<string, GraphQLFormattedError[]>;
  /** Frees the request's concurrency and in-flight slots: call once, when the response has been written. */
  release: () => void;
  /** the operation's estimated cost, as charged to the caller's cost budget */
  cost: number;
  /** the (first) operation's name: the request's `operationName`, else the document's (a registered operation's) */
  operationName?: string;
}

const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
// The content types a browser sends cross-site without a CORS preflight.
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * The gateway's edge: every check that can refuse a request runs here, cheapest first, before Apollo parses or plans
 * anything and before any subgraph is called: method and CSRF (headers only) → credential (a malformed key costs no
 * lookup) → body size for the caller's profile → operation limits (shape, cost) → safelist → field authorization
 * (unauthorized fields removed) → rate limits and quota (one atomic Redis call, charged the estimated cost).
 * Right after the credential, the load checks (in-memory counters only): process-wide shedding (bulk first), then
 * the caller's concurrency cap; their slots are held until the response is written (`Admission.release`).
 */
export function createEdge(options: EdgeOptions) {
  const { authenticator, limiter, registry, profiles, logger } = options;
  // Per-operation work done once per operation, not once per request (see createOperationLimitsMemo): the limits'
  // parse and text-level checks, and, keyed by the document those hand out, each caller scope set's verdict.
  const limitsMemo = createOperationLimitsMemo();
  const verdicts = new WeakMap<DocumentNode, VerdictsOfDocument>();
  // A safelisted key's operation is found by its printed text, printed once per document.
  const printed = new WeakMap<DocumentNode, string>();
  const printedOf = (document: DocumentNode): string => {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  };
  // A key's registered documents are stored as the client preset printed them; the safelist compares graphql's print.
  // Kept per text (the same documents come with every request of a key); bounded like the limits memo.
  const canonicalDocuments = createBoundedMemo<string, string | null>({ maxEntries: 10_000, maxWeight: 20_000_000 });
  const canonicalOf = (text: string): string | null => {
    let canonical = canonicalDocuments.get(text);
    if (canonical === undefined) {
      try {
        canonical = canonicalText(text);
      } catch {
        canonical = null; // checked when registered; a store edited by hand must not turn into a 500
      }
      canonicalDocuments.set(text, canonical, text.length);
    }
    return canonical;
  };
  const isKeyDocument = (documents: readonly KeyDocument[] | undefined, text: string): boolean =>
    documents?.some((d) => canonicalOf(d.text) === text) ?? false;

  return async function admit(req: IncomingMessage): Promise<Admission | Refusal> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'POST' && method !== 'GET') {
      return refusal('BAD_REQUEST', 'Use POST (or GET for queries).', { headers: { allow: 'GET, POST' } });
    }
    const preflighted = PREFLIGHT_HEADERS.some((h) => typeof req.headers[h] === 'string' && req.headers[h] !== '');
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
    if (method === 'POST' && !isJson) {
      if (!preflighted && (mediaType === '' || SIMPLE_TYPES.has(mediaType))) return csrf();
      return refusal('BAD_REQUEST', 'Send the request body as application/json.');
    }
    if (method === 'GET' && !preflighted) return csrf();

    const auth = await edgePhase(
      req,
      'authenticate',
      // every value of a repeated header, so two different credentials are seen (req.headers keeps the first Authorization)
      () => authenticator.authenticate(req.headersDistinct ?? req.headers),
      (a) => (a.ok ? undefined : a.code),
    );
    if (!auth.ok) {
      return refusal(auth.code, auth.message, {
        headers: auth.code === 'AUTH_UNAVAILABLE' ? { 'retry-after': '1' } : { 'www-authenticate': 'Bearer realm="omnigraph"' },
      });
    }
    const principal = auth.principal;
    const profile = profiles[principal.identity.profile];

    const shed = options.shedder?.admit(priorityOf(principal.identity));
    if (shed?.shed === true) {
      return identified(principal, 'OVERLOADED', 'The gateway is at capacity; retry later.', {
        headers: { 'retry-after': String(shed.retryAfterSeconds) },
        extensions: { retryAfterSeconds: shed.retryAfterSeconds },
      });
    }
    const releaseConcurrency = options.concurrency === undefined ? noop : options.concurrency.tryAcquire(principal.subject, profile.maxConcurrent);
    if (releaseConcurrency === undefined) {
      shed?.release();
      return identified(principal, 'CONCURRENCY_LIMIT_EXCEEDED', `More than ${profile.maxConcurrent} requests of this key in flight.`, {
        headers: { 'retry-after': '1' },
        extensions: { limit: profile.maxConcurrent, retryAfterSeconds: 1 },
      });
    }
    const release = () => {
      releaseConcurrency();
      shed?.release();
    };
    try {
      const outcome = await admitAs(req, method, principal, profile);
      if (outcome.kind === 'execute') outcome.release = release;
      else release();
      if (outcome.kind === 'refuse') outcome.principal = principal;
      return outcome;
    } catch (error) {
      release();
      throw error;
    }
  };

  async function admitAs(req: IncomingMessage, method: string, principal: Principal, profile: ProfileSettings): Promise<Admission | Refusal> {
    const limits = profile.limits;

    let decoded: unknown;
    if (method === 'POST') {
      let raw: string;
      try {
        raw = (await readBody(req, limits.maxBodyBytes)).toString('utf8');
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return refusal('BODY_TOO_LARGE', `Request body exceeds ${limits.maxBodyBytes} bytes.`, { extensions: { limit: limits.maxBodyBytes } });
        throw error;
      }
      try {
        decoded = JSON.parse(raw);
      } catch {
        return refusal('BAD_REQUEST', 'Request body is not valid JSON.');
      }
    } else {
      const fromUrl = bodyFromSearchParams(new URL(req.url ?? '/', 'http://gateway.local').searchParams);
      if (fromUrl === undefined) return refusal('BAD_REQUEST', '"variables" and "extensions" in the URL must be JSON objects.');
      decoded = fromUrl;
    }

    const operationName = requestedOperationName(decoded);
    const named = <T extends Admission | Refusal>(outcome: T): T => {
      if (operationName !== undefined && outcome.operationName === undefined) outcome.operationName = operationName;
      return outcome;
    };
    const resolved = resolveRegisteredOperations(decoded, registry, principal.documents);
    if ('kind' in resolved) return named(resolved);
    decoded = resolved.body;

    const { apiSchema, scopeMap } = options.schema();
    const checked = await edgePhase(
      req,
      'limits',
      () => checkOperationLimits({ body: decoded as GraphQLRequestBody, schema: apiSchema, memo: limitsMemo }, limits),
      (c) => (c.ok ? undefined : c.code),
    );
    const charge = async (cost: number) => limiter.consume(principal.subject, principal.rateLimit, cost);

    // Every outcome below is charged (a refused request costs one request, no cost points), so probing is throttled too.
    let outcome: Admission | Refusal;
    let cost = 0;
    if (!checked.ok) {
      const extensions = {
        ...(checked.limit === undefined ? {} : { limit: checked.limit, actual: checked.actual }),
        ...(checked.argumentName === undefined ? {} : { argumentName: checked.argumentName }),
      };
      outcome = refusal(checked.code, checked.message, { extensions });
    } else {
      outcome = await edgePhase(
        req,
        'authorize',
        () => authorize(checked.checked, principal, apiSchema, scopeMap, checked.batched),
        (o) => (o.kind === 'execute' ? undefined : String(o.body.errors[0]?.extensions?.['code'] ?? 'REFUSED')),
      );
      if (outcome.kind === 'execute') {
        cost = checked.cost;
        outcome.cost = cost;
      }
      const documentName = operationName ?? operationNameOf(checked.checked[0]?.document);
      if (documentName !== undefined) outcome.operationName = documentName;
    }
    named(outcome);
    const decision = await edgePhase(
      req,
      'rate_limit',
      () => charge(cost),
      (d) => (d.allowed ? undefined : (d.reason ?? 'RATE_LIMITED')),
    );
    const headers = rateLimitHeaders(decision);
    gatewayRateLimitDecisions.inc({ service: 'gateway', decision: decision.allowed ? 'allowed' : 'refused', reason: decision.reason ?? 'none' });
    if (!decision.allowed) {
      const code = decision.reason ?? 'RATE_LIMITED';
      const message =
        code === 'QUOTA_EXCEEDED'
          ? 'The daily request quota of this key is used up.'
          : code === 'COST_LIMIT_EXCEEDED'
            ? 'The query-cost budget per minute of this key is used up.'
            : `More than ${decision.limit} requests per minute.`;
      const limited = refusal(code, message, { headers, extensions: { retryAfterSeconds: decision.retryAfterSeconds } });
      if (outcome.operationName !== undefined) limited.operationName = outcome.operationName;
      return limited;
    }
    Object.assign(outcome.headers, headers);
    if (outcome.kind === 'execute') outcome.cost = cost;
    return outcome;
  }

  function authorize(
    operations: readonly CheckedOperation[],
    principal: Principal,
    apiSchema: GraphQLSchema,
    scopeMap: ScopeMap,
    batched: boolean,
  ): Admission | Refusal {
    const bound = boundCustomerRefusal(
      principal,
      operations.map((o) => o.document),
    );
    if (bound !== undefined) return bound;
    if (principal.operations !== undefined) {
      for (const { document } of operations) {
        const text = printedOf(document);
        const registered = registry.byText(text);
        const builtIn = registered !== undefined && principal.operations.includes(registered.name);
        if (!builtIn && !isKeyDocument(principal.documents, text)) {
          return refusal('OPERATION_NOT_SAFELISTED', 'This key may only run its registered operations.');
        }
      }
    }
    const removedByQuery = new Map<string, GraphQLFormattedError[]>();
    const bodies: GraphQLRequestBody[] = [];
    for (const { request, document } of operations) {
      const verdict = verdictOf(document, request.operationName as string | undefined, principal.identity.scopes, apiSchema, scopeMap);
      if (verdict === undefined) {
        // Only reachable past the operation limits' bounds (which run first); a refusal, never a 500.
        return refusal('BAD_REQUEST', 'The operation could not be checked.');
      }
      const errors = verdict.removed.map(forbidden);
      if (verdict.query === undefined) {
        return errors.length > 0 ? refusalOf('FORBIDDEN', errors) : refusal('FORBIDDEN', 'Nothing in this operation is allowed for this key.');
      }
      if (verdict.removed.length === 0) {
        bodies.push(request);
        continue;
      }
      removedByQuery.set(verdict.query, errors);
      bodies.push({ ...request, query: verdict.query });
      logger?.debug({ subject: principal.subject, removed: verdict.removed.map((r) => r.coordinate) }, 'unauthorized fields removed');
    }
    return { kind: 'execute', body: batched ? bodies : bodies[0]!, principal, headers: {}, removedByQuery, release: noop, cost: 0 };
  }

  /**
   * The authorization of one operation for one set of scopes: what is removed, and the query text that runs (the
   * request's own when nothing is removed, undefined when nothing is left). The same document, operation name and
   * scopes always give the same verdict, so it is kept with the document (the limits memo hands out one document per
   * operation text) for as long as that document lives, and recomputed when the schema or scope map changes.
   * Undefined when the operation could not be authorized (past the authorization's own bounds).
   */
  function verdictOf(
    document: DocumentNode,
    operationName: string | undefined,
    scopes: readonly string[],
    apiSchema: GraphQLSchema,
    scopeMap: ScopeMap,
  ): Verdict | undefined {
    let kept = verdicts.get(document);
    if (kept === undefined || kept.apiSchema !== apiSchema || kept.scopeMap !== scopeMap) {
      kept = { apiSchema, scopeMap, byCaller: new Map() };
      verdicts.set(document, kept);
    }
    // JSON: no two (name, scope list) pairs share a key, whatever characters a token's scopes hold
    const key = JSON.stringify([operationName ?? null, scopes]);
    const known = kept.byCaller.get(key);
    if (known !== undefined) return known;
    let result: ReturnType<typeof authorizeOperation>;
    try {
      result = authorizeOperation({ schema: apiSchema, map: scopeMap, document, operationName, scopes: new Set(scopes) });
    } catch {
      return undefined;
    }
    const verdict: Verdict = {
      removed: result.removed,
      query: !result.ok ? undefined : result.removed.length === 0 ? '' : print(result.document),
    };
    // A document's operations times the distinct scope sets of the keys using it: a handful; the bound is a backstop.
    if (kept.byCaller.size < MAX_VERDICTS_PER_DOCUMENT) kept.byCaller.set(key, verdict);
    return verdict;
  }
}

/** What authorization decided for one operation and one scope set (see verdictOf). */
interface Verdict {
  removed: readonly RemovedField[];
  /** the authorized query text when fields were removed, '' when none was (the request runs as sent), undefined when nothing is left */
  query: string | undefined;
}

interface VerdictsOfDocument {
  apiSchema: GraphQLSchema;
  scopeMap: ScopeMap;
  byCaller: Map<string, Verdict>;
}

const MAX_VERDICTS_PER_DOCUMENT = 64;

const noop = () => {};

function identified(principal: Principal, ...args: Parameters<typeof refusal>): Refusal {
  return { ...refusal(...args), principal };
}

/** The `operationName` a (first) request body asked for, when it is a GraphQL name; nothing else is trusted as one. */
function requestedOperationName(decoded: unknown): string | undefined {
  const first: unknown = Array.isArray(decoded) ? decoded[0] : decoded;
  const name = isRecord(first) ? first['operationName'] : undefined;
  return typeof name === 'string' && /^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name) ? name : undefined;
}

/** The name of a document's first operation (a registered operation's text always names it). */
function operationNameOf(document: DocumentNode | undefined): string | undefined {
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

/** A new error per request (a kept verdict's arrays are never handed to a response, where they could be changed). */
function forbidden(removed: RemovedField): GraphQLFormattedError {
  return {
    message: removed.missing.includes(UNDECLARED_SCOPE)
      ? `Not allowed to read ${removed.coordinate}: no scope grants it (undeclared fields are denied to everyone).`
      : `Not allowed to read ${removed.coordinate}: the key lacks ${removed.missing.join(', ')}.`,
    path: [...removed.path],
    extensions: { code: 'FORBIDDEN', missingScopes: [...removed.missing] },
  };
}

function csrf(): Refusal {
  return refusal(
    'CSRF_PREVENTED',
    'This request could have been sent cross-site by a browser: send Content-Type: application/json (POST), or an ' +
      '"apollo-require-preflight" header (GET).',
  );
}

/**
 * GraphQL over HTTP GET: `query` (or a persisted `documentId`), `operationName`, and JSON-encoded
 * `variables`/`extensions` in the URL.
 */
function bodyFromSearchParams(params: URLSearchParams): (GraphQLRequestBody & { documentId?: string }) | undefined {
  const body: GraphQLRequestBody & { documentId?: string } = {};
  const query = params.get('query');
  if (query !== null) body.query = query;
  const operationName = params.get('operationName');
  if (operationName !== null) body.operationName = operationName;
  const documentId = params.get('documentId');
  if (documentId !== null) body.documentId = documentId;
  for (const key of ['variables', 'extensions'] as const) {
    const value = params.get(key);
    if (value === null) continue;
    try {
      const parsed: unknown = JSON.parse(value);
      if (!isRecord(parsed)) return undefined;
      body[key] = parsed;
    } catch {
      return undefined;
    }
  }
  return body;
}

/**
 * Registered operations may be sent by id instead of text (ADR 0019): as `documentId` (the GraphQL-over-HTTP
 * persisted-documents form, optionally `sha256:`-prefixed) or as `extensions.persistedQuery.sha256Hash` (Apollo's).
 * An id is the client preset's (sha256 or sha1 of its print), or, for the built-in operations, the older sha256 of
 * graphql's print. The caller's own documents are looked up first, then the built-in ones. The id is replaced by the
 * registered text here; automatic persisted queries stay off, so an unknown id is an error, never a way to register a
 * new operation.
 */
function resolveRegisteredOperations(
  decoded: unknown,
  registry: OperationRegistry,
  keyDocuments: readonly KeyDocument[] | undefined,
): { body: unknown } | Refusal {
  const entries = Array.isArray(decoded) ? decoded : [decoded];
  const resolved: unknown[] = [];
  for (const entry of entries) {
    // The common request carries no id: it goes on as it came, without a copy.
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || !('extensions' in entry || 'documentId' in entry)) {
      resolved.push(entry);
      continue;
    }
    const { extensions, documentId, ...rest } = entry as Record<string, unknown>;
    const { persistedQuery, ...otherExtensions } = isRecord(extensions) ? extensions : {};
    const next: Record<string, unknown> = { ...rest, ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}) };
    if (documentId !== undefined || persistedQuery !== undefined) {
      const sent = documentId !== undefined ? documentId : isRecord(persistedQuery) ? persistedQuery['sha256Hash'] : undefined;
      const id = normalizeDocumentId(sent);
      const text = id === undefined ? undefined : (keyDocuments?.find((d) => d.id === id)?.text ?? registry.byHash(id)?.text);
      if (text === undefined) return refusal('PERSISTED_QUERY_NOT_FOUND', 'No registered operation has this id.');
      // The registered text wins over any text sent with the id: what runs is what was reviewed.
      next['query'] = text;
    }
    resolved.push(next);
  }
  return { body: Array.isArray(decoded) ? resolved : resolved[0] };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
