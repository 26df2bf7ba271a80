import type { GraphQLFormattedError } from 'graphql';
import { buildSchema, graphql, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSubgraphErrorFormatter, maskError } from './format-error.ts';
import { badUserInput } from './client-errors.ts';
import { CLIENT_EXTENSION_NAMES } from './client-extensions.ts';
import { UpstreamError } from './upstream-error.ts';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    timeout: String
    rateLimited: String
    rejected: String
    notFound: String
    crash: String
    disguised: String
    unknownCode: String
    gatewayLeak: String
    budget: String
    badSku: String
  }
`);

const rootValue = {
  badSku: () => {
    throw badUserInput('`skus` has a SKU longer than 255 characters.', 'skus');
  },
  budget: () => {
    throw new UpstreamError({ code: 'UPSTREAM_BUDGET_EXHAUSTED', serviceName: 'crm', operation: 'findContactsByPhone', retryAfterSeconds: 1 });
  },
  timeout: () => {
    throw new UpstreamError({
      code: 'UPSTREAM_TIMEOUT',
      serviceName: 'erp',
      operation: 'getProductsBySkus',
      cause: new Error('timeout of 5000ms exceeded at http://odoo.internal:8069/json/2'),
    });
  },
  rateLimited: () => {
    throw new UpstreamError({ code: 'UPSTREAM_RATE_LIMITED', serviceName: 'crm', operation: 'searchContacts', status: 429, retryAfterSeconds: 10 });
  },
  rejected: () => {
    throw new UpstreamError({ code: 'UPSTREAM_REJECTED', serviceName: 'marketplace', operation: 'getOffers', status: 401 });
  },
  notFound: () => {
    throw new GraphQLError('Order 42 not found.', { extensions: { code: 'NOT_FOUND', debugUrl: 'http://10.0.0.5/orders/42' } });
  },
  crash: () => {
    throw new Error('read ECONNRESET 10.0.0.5:6379 at /srv/app/erp-loaders.ts:17');
  },
  // A plain Error carrying `extensions` (some libraries do this): graphql-js copies them, so its code looks known.
  disguised: () => {
    throw Object.assign(new Error('password=hunter2'), { extensions: { code: 'NOT_FOUND' } });
  },
  unknownCode: () => {
    throw new GraphQLError('Connection pool exhausted on pg-primary', { extensions: { code: 'SOME_LIBRARY_CODE' } });
  },
  gatewayLeak: () => {
    throw new GraphQLError('500: Internal Server Error', {
      extensions: { code: 'INTERNAL_SERVER_ERROR', response: { url: 'http://erp:4001/graphql', body: 'stack…' } },
    });
  },
};

/** Runs a query and hands each error to maskError the way Apollo Server does (code defaulted, stack attached). */
async function run(source: string, options = { includeStack: false }): Promise<GraphQLFormattedError[]> {
  const result = await graphql({ schema, source, rootValue });
  return (result.errors ?? []).map((error) => {
    const formatted = error.toJSON();
    const apolloFormatted: GraphQLFormattedError = {
      ...formatted,
      extensions: {
        ...formatted.extensions,
        code: formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR',
        stacktrace: (error.originalError ?? error).stack?.split('\n'),
      },
    };
    return maskError(apolloFormatted, error, options);
  });
}

describe('maskError', () => {
  it('keeps an UpstreamError message and its allow-listed extensions, without the stack', async () => {
    expect(await run('{ timeout rateLimited rejected }')).toEqual([
      {
        message: 'The erp service did not answer in time.',
        locations: [{ line: 1, column: 3 }],
        path: ['timeout'],
        extensions: { code: 'UPSTREAM_TIMEOUT', serviceName: 'erp', upstream: { operation: 'getProductsBySkus' } },
      },
      {
        message: 'The crm service is rate limiting requests; try again later.',
        locations: [{ line: 1, column: 11 }],
        path: ['rateLimited'],
        extensions: {
          code: 'UPSTREAM_RATE_LIMITED',
          serviceName: 'crm',
          upstream: { operation: 'searchContacts', status: 429 },
          retryAfterSeconds: 10,
        },
      },
      {
        message: 'The marketplace service rejected the request.',
        locations: [{ line: 1, column: 23 }],
        path: ['rejected'],
        extensions: { code: 'UPSTREAM_REJECTED', serviceName: 'marketplace', upstream: { operation: 'getOffers', status: 401 } },
      },
    ]);
  });

  it('keeps a deliberate GraphQLError with a registry code but drops extensions outside the allow-list', async () => {
    expect(await run('{ notFound }')).toEqual([
      { message: 'Order 42 not found.', locations: [{ line: 1, column: 3 }], path: ['notFound'], extensions: { code: 'NOT_FOUND' } },
    ]);
  });

  it('keeps argumentName on BAD_USER_INPUT, so the client learns which argument to fix (issue 10)', async () => {
    expect(await run('{ badSku }')).toEqual([
      {
        message: '`skus` has a SKU longer than 255 characters.',
        locations: [{ line: 1, column: 3 }],
        path: ['badSku'],
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'skus' },
      },
    ]);
  });

  it('keeps every client extension of the shared list, each only in its allowed shape', () => {
    const error = new GraphQLError('Limit.', {
      extensions: {
        code: 'FORBIDDEN',
        serviceName: 'crm',
        argumentName: 'email',
        upstream: { operation: 'searchContacts', status: 429, url: 'http://hubspot.internal' },
        retryAfterSeconds: 3,
        reason: 'WINDOW_EXPIRED',
        missingScopes: ['customers:pii'],
        limit: 30,
        actual: 31,
        debug: 'dropped',
      },
    });
    const masked = maskError(error.toJSON(), error, { includeStack: false });
    expect(Object.keys(masked.extensions ?? {})).toEqual([...CLIENT_EXTENSION_NAMES]);
    expect(masked.extensions?.['upstream']).toEqual({ operation: 'searchContacts', status: 429 });
    const wrongShapes = new GraphQLError('x', {
      extensions: { code: 'BAD_USER_INPUT', argumentName: { url: 'http://x' }, missingScopes: [1], reason: 'a free <text>' },
    });
    expect(maskError(wrongShapes.toJSON(), wrongShapes, { includeStack: false }).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it.each([
    ['a plain Error', '{ crash }'],
    ['a plain Error disguised with extensions.code', '{ disguised }'],
    ['a GraphQLError with a code outside the registry', '{ unknownCode }'],
    ["a gateway INTERNAL_SERVER_ERROR with the subgraph's response", '{ gatewayLeak }'],
  ])('masks %s as "Unexpected error."', async (_, query) => {
    const [masked] = await run(query);
    expect(masked).toEqual({
      message: 'Unexpected error.',
      locations: [{ line: 1, column: 3 }],
      path: [query.slice(2, -2)],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it.each(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND'])(
    'passes request errors through: %s',
    async (code) => {
      const result = await graphql({ schema, source: '{ nope }' });
      const error = result.errors?.[0];
      if (error === undefined) throw new Error('expected a validation error');
      const formatted = { ...error.toJSON(), extensions: { code } };
      expect(maskError(formatted, error, { includeStack: false })).toEqual({
        message: 'Cannot query field "nope" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code },
      });
    },
  );

  it('adds the stack only when includeStack is set, still masking the message', async () => {
    const [withStack] = await run('{ crash }', { includeStack: true });
    expect(withStack?.message).toBe('Unexpected error.');
    expect(withStack?.extensions?.['stacktrace']).toEqual(expect.arrayContaining([expect.stringContaining('ECONNRESET')]));

    const [withoutStack] = await run('{ timeout }');
    expect(JSON.stringify(withoutStack)).not.toMatch(/stacktrace|odoo\.internal|at .*\.ts/);
  });

  it('masks an error Apollo hands over already unwrapped', () => {
    const formatted = { message: 'connect ECONNREFUSED 10.0.0.5:8069', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(maskError(formatted, new Error(formatted.message), { includeStack: false })).toEqual({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('createSubgraphErrorFormatter', () => {
  /** what Apollo Server hands formatError, for each error of one query */
  async function errorsOf(source: string): Promise<{ formatted: GraphQLFormattedError; error: GraphQLError }[]> {
    const result = await graphql({ schema, source, rootValue });
    return (result.errors ?? []).map((error) => {
      const formatted = error.toJSON();
      return {
        formatted: { ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR' } },
        error,
      };
    });
  }

  it('answers exactly what maskError answers, and logs the cause of upstream and unexpected errors only', async () => {
    const logged: { level: string; details: Record<string, unknown>; message: string }[] = [];
    const logger = {
      warn: (details: object, message: string) => logged.push({ level: 'warn', details: details as Record<string, unknown>, message }),
      error: (details: object, message: string) => logged.push({ level: 'error', details: details as Record<string, unknown>, message }),
    };
    const format = createSubgraphErrorFormatter({ includeStack: false, logger });
    const errors = await errorsOf('{ timeout notFound crash budget }');
    const masked = errors.map(({ formatted, error }) => format(formatted, error));
    expect(masked).toEqual(errors.map(({ formatted, error }) => maskError(formatted, error, { includeStack: false })));

    expect(logged.map((l) => [l.level, l.details['code'], l.details['path']])).toEqual([
      ['warn', 'UPSTREAM_TIMEOUT', ['timeout']],
      ['error', 'INTERNAL_SERVER_ERROR', ['crash']],
    ]);
    // the operator gets the upstream cause the client never sees
    expect(String((logged[0]!.details['err'] as Error).message)).toMatch(/odoo\.internal/);
    expect(JSON.stringify(masked)).not.toMatch(/odoo\.internal|ECONNRESET/);
  });

  it('works without a logger', async () => {
    const format = createSubgraphErrorFormatter({ includeStack: false });
    const { formatted, error } = (await errorsOf('{ timeout }'))[0]!;
    expect(format(formatted, error).extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', serviceName: 'erp' });
  });
});
