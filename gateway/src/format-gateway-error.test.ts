import { describe, expect, it } from 'vitest';
import { maskGatewayError } from './format-gateway-error.ts';

describe('maskGatewayError', () => {
  it('keeps registry codes with their contract extensions and drops anything else a subgraph attached', () => {
    const masked = maskGatewayError(
      {
        message: 'The ERP did not answer in time.',
        path: ['products', 0, 'stock'],
        extensions: {
          code: 'UPSTREAM_TIMEOUT',
          serviceName: 'erp',
          upstream: { operation: 'getStockBySkus' },
          exception: { stacktrace: ['Error: timeout of 5000ms exceeded', '    at http://odoo.internal:8069/json/2'] },
          response: { body: '<html>upstream body</html>' },
        },
      },
      undefined,
    );
    expect(masked).toEqual({
      message: 'The ERP did not answer in time.',
      path: ['products', 0, 'stock'],
      extensions: { code: 'UPSTREAM_TIMEOUT', serviceName: 'erp', upstream: { operation: 'getStockBySkus' } },
    });
  });

  it('keeps argumentName of a BAD_USER_INPUT (the list shared with the subgraphs, CLIENT_EXTENSIONS)', () => {
    const formatted = {
      message: '`skus` has a SKU longer than 255 characters.',
      path: ['products'],
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'skus', serviceName: 'erp', stacktrace: ['at x'] },
    };
    expect(maskGatewayError(formatted, undefined)).toEqual({
      message: formatted.message,
      path: ['products'],
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'skus', serviceName: 'erp' },
    });
  });

  it('keeps upstream.operation and upstream.status only, never the URL a subgraph put there', () => {
    const masked = maskGatewayError(
      { message: 'x', extensions: { code: 'UPSTREAM_REJECTED', upstream: { operation: 'getOffers', status: 401, url: 'http://allegro.internal' } } },
      undefined,
    );
    expect(masked.extensions).toEqual({ code: 'UPSTREAM_REJECTED', upstream: { operation: 'getOffers', status: 401 } });
  });

  it('keeps GraphQL request errors (parse, validation) for the client to fix', () => {
    const formatted = { message: 'Syntax Error: Expected Name, found "}".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(maskGatewayError(formatted, undefined)).toEqual(formatted);
  });

  it('turns a failed subgraph fetch into UPSTREAM_UNAVAILABLE naming the role, not the URL', () => {
    const masked = maskGatewayError(
      {
        message: 'request to http://127.0.0.1:4001/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4001',
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'erp' },
      },
      undefined,
    );
    expect(masked).toEqual({ message: 'A data source failed to answer.', extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' } });
    expect(JSON.stringify(masked)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });

  it('masks anything without a known code as INTERNAL_SERVER_ERROR', () => {
    const masked = maskGatewayError({ message: 'Cannot read properties of undefined (reading "sku")', extensions: {} }, new Error('x'));
    expect(masked).toEqual({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
