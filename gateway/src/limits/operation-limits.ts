import {
  GraphQLError,
  Kind,
  Lexer,
  SchemaMetaFieldDef,
  Source,
  TokenKind,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  valueFromASTUntyped,
} from 'graphql';
import type { ErrorCode } from '@omnigraph/shared/errors';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { createBoundedMemo, type BoundedMemo } from '../bounded-memo.ts';

/**
 * Stable codes of every violation, all from the one registry (packages/shared errors). BAD_REQUEST,
 * GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED and OPERATION_RESOLUTION_FAILURE are the codes Apollo Server already
 * uses for the same faults, so clients see one vocabulary whichever layer refuses.
 */
export const OPERATION_LIMIT_CODES = [
  'BODY_TOO_LARGE',
  'BAD_REQUEST',
  'BATCHING_NOT_ALLOWED',
  'BATCH_TOO_LARGE',
  'VARIABLES_TOO_LARGE',
  'TOO_MANY_TOKENS',
  'NESTING_TOO_DEEP',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'CIRCULAR_FRAGMENT',
  'TOO_MANY_DIRECTIVES',
  'OPERATION_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_ROOT_FIELDS',
  'TOO_MANY_FIELDS',
  'LIST_TOO_LARGE',
  'OPERATION_TOO_COMPLEX',
  'INTROSPECTION_NOT_ALLOWED',
  // an argument value longer than any identifier the graph takes: the client's input, named (`argumentName`)
  'BAD_USER_INPUT',
] as const satisfies readonly ErrorCode[];
export type OperationLimitCode = (typeof OPERATION_LIMIT_CODES)[number];

export interface OperationLimits {
  /** bytes of the raw HTTP body */
  maxBodyBytes: number;
  /** lexer tokens of one query string (EOF excluded, as graphql-js counts `maxTokens`) */
  maxTokens: number;
  /** `{`, `[`, `(` nested in the query text: bounds the recursion of graphql-js's recursive-descent parser */
  maxNesting: number;
  /** field nesting of the executed operation, fragments expanded; root fields are at depth 1 */
  maxDepth: number;
  /** aliased fields of the executed operation, fragments expanded */
  maxAliases: number;
  /** field selections at the root of the executed operation, fragments expanded, duplicates counted */
  maxRootFields: number;
  /**
   * The same for a mutation: each root field is a write. One per request for partners (security-reliability S8), so
   * aliases cannot turn one request into a batch of writes (or of guesses) that the per-request rate limit never sees.
   */
  maxMutationRootFields: number;
  /** directive applications anywhere in the document (operations and fragments) */
  maxDirectives: number;
  /** field selections of the executed operation, fragments expanded, duplicates counted */
  maxFields: number;
  /** largest value of a slicing argument (`first`…) or length of a list argument (`skus`…) */
  maxListSize: number;
  /** characters of one string in an argument value (each item of a list, each field of an input object) */
  maxArgumentLength: number;
  /** estimated cost, see `estimate` below and README.md */
  maxCost: number;
  /** list size assumed for a list field with no slicing or list argument */
  defaultListSize: number;
  /** integer arguments that bound the size of the list a field returns */
  slicingArguments: readonly string[];
  /** JSON values in the variables object (every object, array, scalar counted) */
  maxVariableValues: number;
  allowIntrospection: boolean;
  allowBatching: boolean;
  /** operations in one batched HTTP request, when batching is allowed */
  maxBatchSize: number;
}

/**
 * Defaults: the safe profile (a partner key). Each figure is above every operation our clients send today (the
 * call-center query and the e2e operations, see the tests) with a margin, and far below what hurts a 2-core gateway.
 * Reasons per figure are in README.md.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = Object.freeze({
  maxBodyBytes: 2_000_000,
  maxTokens: 5_000,
  maxNesting: 64,
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 10,
  maxMutationRootFields: 1,
  maxDirectives: 50,
  maxFields: 1_000,
  maxListSize: 100,
  maxArgumentLength: 1_000,
  maxCost: 1_000_000,
  defaultListSize: 10,
  slicingArguments: Object.freeze(['first', 'last', 'limit']),
  maxVariableValues: 5_000,
  allowIntrospection: false,
  allowBatching: false,
  maxBatchSize: 10,
});

/** A request as Apollo Server sees it after JSON decoding: one operation, or an array when batched. */
export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

export interface OperationLimitsInput {
  /** the raw HTTP body (preferred: the body limit and JSON decoding are checked too) or an already decoded one */
  body: string | GraphQLRequestBody | readonly unknown[];
  /** the client-facing API schema (not the supergraph with join directives) */
  schema: GraphQLSchema;
  /** keeps what each query text alone decides across requests (see createOperationLimitsMemo); absent: none kept */
  memo?: OperationLimitsMemo | undefined;
}

export interface OperationMetrics {
  depth: number;
  aliases: number;
  rootFields: number;
  fields: number;
  directives: number;
  tokens: number;
}

/** One checked operation: the decoded request entry and its parsed document (no locations), for the next stages. */
export interface CheckedOperation {
  request: GraphQLRequestBody;
  document: DocumentNode;
}

export type OperationLimitsResult =
  | {
      ok: true;
      cost: number;
      introspection: boolean;
      operations: number;
      metrics: OperationMetrics;
      /** one entry, or one per batch element in order; `batched` tells which shape the client sent */
      checked: CheckedOperation[];
      batched: boolean;
    }
  | { ok: false; code: OperationLimitCode; message: string; limit?: number; actual?: number; argumentName?: string };

type Failure = Extract<OperationLimitsResult, { ok: false }>;

/** Thrown inside the walk to stop at the first violation; never escapes `checkOperationLimits`. */
class LimitExceeded extends Error {
  readonly failure: Failure;

  constructor(failure: Failure) {
    super(failure.message);
    this.failure = failure;
  }
}

const fail = (code: OperationLimitCode, message: string, limit?: number, actual?: number): Failure =>
  limit === undefined ? { ok: false, code, message } : { ok: false, code, message, limit, actual };

const over = (code: OperationLimitCode, what: string, limit: number, actual: number): never => {
  throw new LimitExceeded(fail(code, `${what} exceeds the limit of ${limit}.`, limit, actual));
};

/**
 * What the query text alone decides, given the operation name, the text-level limits and the schema: its token count,
 * its document, the operation it runs, its fragments and directive count, all checked. Only the fragment-expanded walk
 * is left to do per request, because list sizes and argument lengths read the request's variables.
 */
export interface ResolvedOperation {
  document: DocumentNode;
  tokens: number;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  directives: number;
  rootType: GraphQLObjectType;
  /**
   * The operation selects `__schema` or `__type` somewhere (fragments followed): decided from the text, so a caller
   * without introspection is refused before the walk, whatever the depth, cost or size of the rest.
   */
  introspection: boolean;
}

/** Kept across requests by the edge: see createOperationLimitsMemo. */
export interface OperationLimitsMemo {
  /** the resolved operation kept for this schema and key, or undefined (a new schema forgets every entry) */
  get(schema: GraphQLSchema, key: string): ResolvedOperation | undefined;
  set(schema: GraphQLSchema, key: string, resolved: ResolvedOperation, weight: number): void;
}

export interface OperationLimitsMemoOptions {
  /** @default 1_000 */
  maxEntries?: number;
  /**
   * Characters of query text kept in all (a document costs memory in proportion to its text): many large distinct
   * operations evict each other instead of growing the memo. @default 500_000
   */
  maxQueryChars?: number;
}

/**
 * Clients send a handful of distinct operations, each many times with other variables: the tokens, the parse and the
 * text-level checks of a query are done once per (text, operation name, text-level limits, schema) and then reused,
 * so an admitted request costs the variable checks and the walk only. Only operations that passed every text-level
 * check are kept: a refused text is checked again each time, exactly as without the memo.
 */
export function createOperationLimitsMemo(options: OperationLimitsMemoOptions = {}): OperationLimitsMemo {
  const maxQueryChars = options.maxQueryChars ?? 500_000;
  const entries: BoundedMemo<string, ResolvedOperation> = createBoundedMemo({ maxEntries: options.maxEntries ?? 1_000, maxWeight: maxQueryChars });
  // a new supergraph: root types and fields may differ, so no earlier verdict holds
  return {
    get(schema, key) {
      entries.keepFor(schema);
      return entries.get(key);
    },
    set(schema, key, resolved, weight) {
      entries.keepFor(schema);
      entries.set(key, resolved, weight);
    },
  };
}

/**
 * The memo key: everything the text-level checks read besides the schema. The operation name is JSON-encoded, so it
 * holds no NUL of its own and no (name, text) pair can pass for another one (a name ending in `\u0000{…` and a text).
 */
function memoKey(query: string, operationName: string | undefined, limits: OperationLimits): string {
  return `${limits.maxTokens}:${limits.maxNesting}:${limits.maxDirectives}\u0000${operationName === undefined ? '' : JSON.stringify(operationName)}\u0000${query}`;
}

/**
 * Checks one HTTP request against the limits, before anything is executed. Pure: no I/O, no clock. Cheap: every step
 * stops at its limit (the body is measured before JSON decoding, tokens are counted before the AST is built, the
 * fragment-expanded walk stops at `maxFields`), so a hostile request costs O(limits), not O(its own size).
 */
export function checkOperationLimits(input: OperationLimitsInput, limits: OperationLimits = DEFAULT_OPERATION_LIMITS): OperationLimitsResult {
  try {
    return checkRequest(input, limits);
  } catch (error) {
    if (error instanceof LimitExceeded) return error.failure;
    // A stack overflow or any surprise in graphql-js on hostile input must still be a refusal, never a 500.
    return fail('BAD_REQUEST', 'The request could not be checked.');
  }
}

function checkRequest(input: OperationLimitsInput, limits: OperationLimits): OperationLimitsResult {
  const { memo } = input;
  let decoded: unknown = input.body;
  if (typeof input.body === 'string') {
    // UTF-8 needs at least one byte per UTF-16 unit, so `length` is a lower bound that avoids measuring a huge body.
    const bytes = input.body.length > limits.maxBodyBytes ? input.body.length : Buffer.byteLength(input.body, 'utf8');
    if (bytes > limits.maxBodyBytes) return fail('BODY_TOO_LARGE', `Request body exceeds ${limits.maxBodyBytes} bytes.`, limits.maxBodyBytes, bytes);
    try {
      decoded = JSON.parse(input.body);
    } catch {
      return fail('BAD_REQUEST', 'Request body is not valid JSON.');
    }
  }
  if (Array.isArray(decoded)) {
    if (!limits.allowBatching) return fail('BATCHING_NOT_ALLOWED', 'Batched HTTP requests are not allowed.');
    if (decoded.length === 0) return fail('BAD_REQUEST', 'A batch must hold at least one operation.');
    if (decoded.length > limits.maxBatchSize) return over('BATCH_TOO_LARGE', 'Operations in the batch', limits.maxBatchSize, decoded.length);
    // First every entry's text-level checks, then the walks: introspection anywhere in the batch is refused before any
    // entry's depth or cost is looked at, as it is for a single operation.
    const prepared: Prepared[] = [];
    for (const entry of decoded) {
      const one = prepareOne(entry, input.schema, limits, memo);
      if ('ok' in one) return one;
      prepared.push(one);
    }
    const refused = introspectionRefusal(prepared, limits);
    if (refused) return refused;
    let cost = 0;
    let introspection = false;
    let last: OperationMetrics | undefined;
    const checked: CheckedOperation[] = [];
    for (const entry of prepared) {
      const one = walkPrepared(entry, input.schema, limits);
      if (!one.ok) return one;
      cost += one.cost;
      introspection ||= one.introspection;
      last = one.metrics;
      checked.push(...one.checked);
    }
    // The batch runs as one HTTP request, so its summed cost is what the caller spends.
    if (cost > limits.maxCost) return over('OPERATION_TOO_COMPLEX', 'Estimated cost of the batch', limits.maxCost, cost);
    return { ok: true, cost, introspection, operations: decoded.length, metrics: last!, checked, batched: true };
  }
  const prepared = prepareOne(decoded, input.schema, limits, memo);
  if ('ok' in prepared) return prepared;
  return introspectionRefusal([prepared], limits) ?? walkPrepared(prepared, input.schema, limits);
}

/** One request entry past its text-level checks, waiting for the walk with its variables. */
interface Prepared {
  entry: GraphQLRequestBody;
  vars: Record<string, unknown>;
  resolved: ResolvedOperation;
}

/**
 * Introspection is refused before the depth/cost walk: a partner's standard introspection query is deeper than the
 * partner depth limit, and the answer it deserves is "not for you", not "too deep".
 */
function introspectionRefusal(prepared: readonly Prepared[], limits: OperationLimits): Failure | undefined {
  if (limits.allowIntrospection || !prepared.some((p) => p.resolved.introspection)) return undefined;
  return fail('INTROSPECTION_NOT_ALLOWED', 'Introspection is not allowed for this client.');
}

function walkPrepared({ entry, vars, resolved }: Prepared, schema: GraphQLSchema, limits: OperationLimits): OperationLimitsResult {
  const result = walkOperation(resolved, schema, limits, vars);
  return result.ok ? { ...result, checked: [{ request: entry, document: resolved.document }] } : result;
}

function prepareOne(entry: unknown, schema: GraphQLSchema, limits: OperationLimits, memo: OperationLimitsMemo | undefined): Prepared | Failure {
  if (typeof entry !== 'object' || entry === null) return fail('BAD_REQUEST', 'The request must be a JSON object.');
  const { query, variables, operationName } = entry as GraphQLRequestBody;
  if (typeof query !== 'string' || query.length === 0) return fail('BAD_REQUEST', 'The request must carry a non-empty "query" string.');
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables)))
    return fail('BAD_REQUEST', '"variables" must be an object.');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return fail('BAD_REQUEST', '"operationName" must be a string.');
  const vars = (variables ?? {}) as Record<string, unknown>;
  countVariableValues(vars, limits);

  const name = (operationName as string | null | undefined) ?? undefined;
  const key = memo === undefined ? undefined : memoKey(query, name, limits);
  let resolved = key === undefined ? undefined : memo!.get(schema, key);
  if (resolved === undefined) {
    const tokens = countTokens(query, limits);
    let document: DocumentNode;
    try {
      // maxTokens again as a second fence; noLocation because nothing here reports positions.
      document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
    } catch (error) {
      return fail('GRAPHQL_PARSE_FAILED', error instanceof GraphQLError ? error.message : 'Syntax error.');
    }
    const outcome = resolveOperation(document, schema, limits, name, tokens);
    if ('ok' in outcome) return outcome;
    resolved = outcome;
    if (key !== undefined) memo!.set(schema, key, resolved, query.length);
  }
  return { entry: entry as GraphQLRequestBody, vars, resolved };
}

/** Walks the variables iteratively (a deeply nested JSON value must not recurse) and stops at the limit. */
function countVariableValues(vars: Record<string, unknown>, limits: OperationLimits): void {
  const stack: { value: unknown; depth: number }[] = [{ value: vars, depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++count > limits.maxVariableValues) over('VARIABLES_TOO_LARGE', 'Values in "variables"', limits.maxVariableValues, count);
    // graphql-js coerces input values recursively: deep JSON here would be deep recursion there.
    if (depth > limits.maxNesting) over('VARIABLES_TOO_LARGE', 'Nesting of "variables"', limits.maxNesting, depth);
    if (Array.isArray(value)) for (const v of value) stack.push({ value: v, depth: depth + 1 });
    else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stack.push({ value: v, depth: depth + 1 });
  }
}

/**
 * Counts lexer tokens and bracket nesting, stopping at the first token past a limit: a token flood costs O(limit)
 * and never builds an AST; deep `[[[…]]]` never reaches the recursive parser.
 */
export function countTokens(query: string, limits: Pick<OperationLimits, 'maxTokens' | 'maxNesting'>): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++count > limits.maxTokens) over('TOO_MANY_TOKENS', 'Token count', limits.maxTokens, count);
      const kind = token.kind;
      if (kind === TokenKind.BRACE_L || kind === TokenKind.BRACKET_L || kind === TokenKind.PAREN_L) {
        if (++nesting > limits.maxNesting) over('NESTING_TOO_DEEP', 'Nesting of brackets', limits.maxNesting, nesting);
      } else if (kind === TokenKind.BRACE_R || kind === TokenKind.BRACKET_R || kind === TokenKind.PAREN_R) {
        nesting = Math.max(0, nesting - 1);
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError) throw new LimitExceeded(fail('GRAPHQL_PARSE_FAILED', error.message));
    throw error;
  }
  return count;
}

/** The text-level checks of a parsed document: the operation to run, its fragments, directives and root type. */
function resolveOperation(
  document: DocumentNode,
  schema: GraphQLSchema,
  limits: OperationLimits,
  operationName: string | undefined,
  tokens: number,
): ResolvedOperation | Failure {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
    else if (def.kind === Kind.FRAGMENT_DEFINITION) {
      if (fragments.has(def.name.value)) return fail('GRAPHQL_VALIDATION_FAILED', `There can be only one fragment named "${def.name.value}".`);
      fragments.set(def.name.value, def);
    } else return fail('GRAPHQL_VALIDATION_FAILED', 'The document may hold only operations and fragments.');
  }

  // Same message and code as Apollo Server, so a client sees one behaviour whichever layer answers.
  let operation: OperationDefinitionNode | undefined;
  if (operationName === undefined) {
    if (operations.length !== 1)
      return fail(
        'OPERATION_RESOLUTION_FAILURE',
        operations.length === 0 ? 'The document holds no operation.' : 'Must provide operation name if query contains multiple operations.',
      );
    operation = operations[0];
  } else {
    operation = operations.find((op) => op.name?.value === operationName);
    if (!operation) return fail('OPERATION_RESOLUTION_FAILURE', `Unknown operation named "${operationName}".`);
  }
  if (!operation) return fail('OPERATION_RESOLUTION_FAILURE', 'The document holds no operation.');

  const directives = countDirectives(document, limits);
  detectFragmentCycles(fragments);

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return fail('GRAPHQL_VALIDATION_FAILED', `The schema does not support ${operation.operation} operations.`);
  return { document, tokens, operation, fragments, directives, rootType, introspection: selectsIntrospection(operation, fragments) };
}

/**
 * Whether the operation selects a field named `__schema` or `__type` anywhere: in its own selections, inline
 * fragments, or the fragments it spreads (transitively), aliased or not. Each fragment is read once, so the scan is
 * linear in the text (no fragment expansion) and, with the memo, done once per text, not per request. A field of that
 * name below the root is counted too: it is an introspection probe even though it would fail validation. A fragment
 * *named* `__schema` is not a field and not introspection (GraphQL Armor #823).
 */
function selectsIntrospection(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): boolean {
  const seen = new Set<string>();
  const stack: SelectionSetNode[] = [operation.selectionSet];
  while (stack.length > 0) {
    for (const sel of stack.pop()!.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === '__schema' || sel.name.value === '__type') return true;
        if (sel.selectionSet) stack.push(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) stack.push(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        // an unknown fragment is reported by the walk
        if (fragment) stack.push(fragment.selectionSet);
      }
    }
  }
  return false;
}

/** The fragment-expanded walk of a resolved operation with one request's variables: shape limits and cost. */
function walkOperation(
  resolved: ResolvedOperation,
  schema: GraphQLSchema,
  limits: OperationLimits,
  variables: Record<string, unknown>,
): OperationLimitsResult {
  const { operation, fragments, rootType, directives, tokens } = resolved;
  // Defaults declared in the operation (`$first: Int = 50`) apply when the client sends no value: size lists by them.
  const effective: Record<string, unknown> = { ...variables };
  for (const v of operation.variableDefinitions ?? [])
    if (v.defaultValue && effective[v.variable.name.value] === undefined) effective[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  const walker = new Walker(schema, fragments, limits, effective, rootFieldLimit(limits, operation.operation));
  const rootCost = walker.selectionSet(operation.selectionSet, rootType, 1, undefined);
  // Mutations cost more than their fields: they write to an upstream system (the IBM cost spec's operation base).
  const cost = rootCost + (operation.operation === 'mutation' ? 10 : 0);
  if (cost > limits.maxCost) over('OPERATION_TOO_COMPLEX', 'Estimated cost', limits.maxCost, cost);
  return {
    ok: true,
    cost,
    introspection: resolved.introspection,
    operations: 1,
    metrics: { depth: walker.depth, aliases: walker.aliases, rootFields: walker.rootFields, fields: walker.fields, directives, tokens },
    checked: [],
    batched: false,
  };
}

/** Counts each directive application once in the document: the overload attack is about the text, not the expansion. */
function countDirectives(document: DocumentNode, limits: OperationLimits): number {
  let count = 0;
  const add = (n: number | undefined) => {
    count += n ?? 0;
    if (count > limits.maxDirectives) over('TOO_MANY_DIRECTIVES', 'Directive count', limits.maxDirectives, count);
  };
  // Iterative walk: the parser already bounded nesting, but an explicit stack costs nothing and never overflows.
  const stack: SelectionSetNode[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    add(def.directives?.length);
    if (def.kind === Kind.OPERATION_DEFINITION) for (const v of def.variableDefinitions ?? []) add(v.directives?.length);
    stack.push(def.selectionSet);
  }
  while (stack.length > 0) {
    for (const sel of stack.pop()!.selections) {
      add(sel.directives?.length);
      if (sel.kind !== Kind.FRAGMENT_SPREAD && sel.selectionSet) stack.push(sel.selectionSet);
    }
  }
  return count;
}

/** Rejects any cycle among fragment spreads (graphql-js's NoFragmentCycles), before the walk could follow one. */
function detectFragmentCycles(fragments: Map<string, FragmentDefinitionNode>): void {
  const spreads = new Map<string, string[]>();
  for (const [name, def] of fragments) {
    const found: string[] = [];
    const stack: SelectionSetNode[] = [def.selectionSet];
    while (stack.length > 0) {
      for (const sel of stack.pop()!.selections) {
        if (sel.kind === Kind.FRAGMENT_SPREAD) found.push(sel.name.value);
        else if (sel.selectionSet) stack.push(sel.selectionSet);
      }
    }
    spreads.set(name, found);
  }
  // Iterative three-colour DFS: a long chain of fragments must not overflow the stack either.
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of fragments.keys()) {
    if (state.has(start)) continue;
    const path: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 1);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const children = spreads.get(top.name) ?? [];
      if (top.next >= children.length) {
        state.set(top.name, 2);
        path.pop();
        continue;
      }
      const child = children[top.next++]!;
      if (!fragments.has(child)) continue; // reported as an unknown fragment by the walk, if the operation uses it
      const s = state.get(child);
      if (s === 1) {
        const cycle = [...path.slice(path.findIndex((p) => p.name === child)).map((p) => p.name), child];
        throw new LimitExceeded(fail('CIRCULAR_FRAGMENT', `Cannot spread fragment "${child}" within itself (${cycle.join(' -> ')}).`));
      }
      if (s === undefined) {
        state.set(child, 1);
        path.push({ name: child, next: 0 });
      }
    }
  }
}

/** A mutation's root fields are writes: the lower of the two root-field limits applies, and says which it is. */
function rootFieldLimit(limits: OperationLimits, operation: OperationDefinitionNode['operation']): { max: number; what: string } {
  return operation === 'mutation' && limits.maxMutationRootFields < limits.maxRootFields
    ? { max: limits.maxMutationRootFields, what: 'Mutation root field count' }
    : { max: limits.maxRootFields, what: 'Root field count' };
}

/**
 * The fragment-expanded walk of the executed operation. Counts fields, aliases, root fields and depth and estimates
 * the cost in one pass; throws at the first limit passed, so expansion bombs (fragments spread many times) stop after
 * `maxFields` fields.
 */
class Walker {
  depth = 0;
  aliases = 0;
  rootFields = 0;
  fields = 0;

  private readonly schema: GraphQLSchema;
  private readonly fragments: Map<string, FragmentDefinitionNode>;
  private readonly limits: OperationLimits;
  private readonly variables: Record<string, unknown>;
  private readonly rootFieldLimit: { max: number; what: string };

  constructor(
    schema: GraphQLSchema,
    fragments: Map<string, FragmentDefinitionNode>,
    limits: OperationLimits,
    variables: Record<string, unknown>,
    rootFieldLimit: { max: number; what: string },
  ) {
    this.schema = schema;
    this.fragments = fragments;
    this.limits = limits;
    this.variables = variables;
    this.rootFieldLimit = rootFieldLimit;
  }

  /**
   * Returns the cost of one selection set for one parent object. `sizedBy` is the list size a connection field
   * (e.g. `orders(first: 5)`, which returns one object) hands to its `edges`/`nodes` list.
   */
  selectionSet(set: SelectionSetNode, parent: GraphQLCompositeType, depth: number, sizedBy: number | undefined): number {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) cost += this.field(sel, parent, depth, sizedBy);
      else {
        let node: { typeCondition?: { name: { value: string } } | undefined; selectionSet: SelectionSetNode };
        if (sel.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = this.fragments.get(sel.name.value);
          if (!fragment) throw new LimitExceeded(fail('GRAPHQL_VALIDATION_FAILED', `Unknown fragment "${sel.name.value}".`));
          node = fragment;
        } else node = sel;
        let type: GraphQLCompositeType = parent;
        if (node.typeCondition) {
          const named = this.schema.getType(node.typeCondition.name.value);
          if (!named || !isCompositeType(named))
            throw new LimitExceeded(fail('GRAPHQL_VALIDATION_FAILED', `Unknown type "${node.typeCondition.name.value}".`));
          type = named;
        }
        // Fragments on different possible types add up: an upper bound, as the walk cannot know the runtime type.
        cost += this.selectionSet(node.selectionSet, type, depth, sizedBy);
      }
    }
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType, depth: number, sizedBy: number | undefined): number {
    const limits = this.limits;
    if (++this.fields > limits.maxFields) over('TOO_MANY_FIELDS', 'Field count', limits.maxFields, this.fields);
    if (depth === 1 && ++this.rootFields > this.rootFieldLimit.max)
      over('TOO_MANY_ROOT_FIELDS', this.rootFieldLimit.what, this.rootFieldLimit.max, this.rootFields);
    if (node.alias && ++this.aliases > limits.maxAliases) over('TOO_MANY_ALIASES', 'Alias count', limits.maxAliases, this.aliases);
    if (depth > this.depth) {
      this.depth = depth;
      if (depth > limits.maxDepth) over('OPERATION_TOO_DEEP', 'Operation depth', limits.maxDepth, depth);
    }
    const name = node.name.value;
    const def = this.fieldDef(parent, name);
    if (!def) {
      // No "Did you mean" here: suggestions let a client rebuild a hidden schema (clairvoyance).
      throw new LimitExceeded(fail('GRAPHQL_VALIDATION_FAILED', `Cannot query field "${name}" on type "${parent.name}".`));
    }
    if (name === '__typename') return 0; // answered by the gateway itself, no resolver or upstream call

    const size = this.listSize(node, def);
    const type = getNullableType(def.type);
    const isList = isListType(type);
    const childType = getNamedType(def.type);
    let children = 0;
    if (node.selectionSet) {
      if (!isCompositeType(childType))
        throw new LimitExceeded(fail('GRAPHQL_VALIDATION_FAILED', `Field "${name}" of type "${childType.name}" must not have a selection.`));
      // A connection: `first` sizes the `edges`/`nodes` below it, not the connection object itself.
      const handDown = !isList && size !== undefined && isObjectType(childType) ? size : undefined;
      children = this.selectionSet(node.selectionSet, childType, depth + 1, handDown);
    } else if (isCompositeType(childType)) {
      throw new LimitExceeded(fail('GRAPHQL_VALIDATION_FAILED', `Field "${name}" of type "${childType.name}" must have a selection.`));
    }
    if (!isList) return 1 + children;
    const multiplier = size ?? ((name === 'edges' || name === 'nodes') && sizedBy !== undefined ? sizedBy : limits.defaultListSize);
    const cost = 1 + multiplier * children;
    // Stop as soon as one branch alone is over budget: the sum can only grow.
    if (cost > limits.maxCost) over('OPERATION_TOO_COMPLEX', 'Estimated cost', limits.maxCost, cost);
    return cost;
  }

  private fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (parent === this.schema.getQueryType()) {
      if (name === '__schema') return SchemaMetaFieldDef;
      if (name === '__type') return TypeMetaFieldDef;
    }
    if (isObjectType(parent) || isInterfaceType(parent)) {
      const fields = parent.getFields();
      return Object.hasOwn(fields, name) ? fields[name] : undefined;
    }
    return undefined; // a union: only __typename may be selected on it directly
  }

  /**
   * The list size a field's arguments announce: a slicing argument (`first: 5`) wins, else the length of a list
   * argument (`products(skus: [...])` returns one item per SKU); undefined when it has neither. Variables and schema
   * defaults are resolved, so `first: $n` or an omitted `first` with `= 20` count as what will run.
   */
  private listSize(node: FieldNode, def: GraphQLField<unknown, unknown>): number | undefined {
    let slicing: number | undefined;
    let listLength: number | undefined;
    for (const argDef of def.args) {
      const argNode = node.arguments?.find((a) => a.name.value === argDef.name);
      let value: unknown;
      if (argNode) {
        value =
          argNode.value.kind === Kind.VARIABLE
            ? (this.variables[argNode.value.name.value] ?? argDef.defaultValue)
            : valueFromASTUntyped(argNode.value, this.variables);
      } else value = argDef.defaultValue;
      if (value === undefined || value === null) continue;
      this.checkStringLengths(value, argDef.name, def.name);
      if (this.limits.slicingArguments.includes(argDef.name) && typeof value === 'number') {
        if (value > this.limits.maxListSize) over('LIST_TOO_LARGE', `Argument "${argDef.name}" of "${def.name}"`, this.limits.maxListSize, value);
        slicing = Math.max(0, value);
      } else if (isListType(getNullableType(argDef.type))) {
        const length = Array.isArray(value) ? value.length : 1; // a single value coerces to a list of one
        if (length > this.limits.maxListSize)
          over('LIST_TOO_LARGE', `List argument "${argDef.name}" of "${def.name}"`, this.limits.maxListSize, length);
        listLength = Math.max(listLength ?? 0, length);
      }
    }
    return slicing ?? listLength;
  }

  /**
   * No string in an argument value may be longer than `maxArgumentLength`: the longest identifier the graph takes is
   * a SKU (255) or an e-mail (254). A megabyte value would otherwise travel to a subgraph, be refused there for its
   * body size, and come back as that subgraph's failure. The value is already bounded by `maxVariableValues`.
   */
  private checkStringLengths(value: unknown, argumentName: string, fieldName: string): void {
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      const current = pending.pop();
      if (typeof current === 'string') {
        if (current.length > this.limits.maxArgumentLength) {
          throw new LimitExceeded({
            ok: false,
            code: 'BAD_USER_INPUT',
            message: `Argument "${argumentName}" of "${fieldName}" has a value longer than ${this.limits.maxArgumentLength} characters.`,
            limit: this.limits.maxArgumentLength,
            actual: current.length,
            argumentName,
          });
        }
      } else if (Array.isArray(current)) pending.push(...current);
      else if (current !== null && typeof current === 'object') pending.push(...Object.values(current));
    }
  }
}
