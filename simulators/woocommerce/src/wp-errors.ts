import type { SimResponse } from '@omnigraph/simulator-core';
import { wpJsonEncode } from './wp-json.ts';

/** A WP_Error as the REST server renders it: `{code, message, data}`. */
export interface WpError {
  code: string;
  message: string;
  data: Record<string, unknown>;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

export function wpError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): WpError {
  return { code, message, data: { status, ...extra } };
}

export function errorStatus(error: WpError): number {
  const status = error.data['status'];
  return typeof status === 'number' ? status : 500;
}

/** Serializes a WP_Error into the HTTP response WordPress sends for it. */
export function errorResponse(error: WpError, headers: Record<string, string> = {}): SimResponse {
  return {
    status: errorStatus(error),
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
    body: wpJsonEncode(error, ''),
  };
}

/** WP core's answer for a path, or a method on a path, that no route handles. */
export const noRoute = (): WpError => wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');

/** WP_REST_Request::parse_json_params() on a malformed body (PHP json_last_error 4 = syntax error). */
export const invalidJson = (): WpError =>
  wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.', { json_error_code: 4, json_error_message: 'Syntax error' });

export type PermissionKind = 'list' | 'view' | 'create' | 'edit' | 'delete' | 'batch';

/**
 * What a controller's permission callback answers a request without a user (401, as
 * `rest_authorization_required_code()` does when nobody is logged in).
 */
export function permissionError(kind: PermissionKind): WpError {
  switch (kind) {
    case 'list':
      return wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    case 'view':
      return wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.');
    case 'create':
      return wpError(401, 'woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.');
    case 'edit':
      return wpError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
    case 'delete':
      return wpError(401, 'woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.');
    case 'batch':
      return wpError(401, 'woocommerce_rest_cannot_batch', 'Sorry, you are not allowed to batch manipulate this resource.');
  }
}

/** An HTML error page, as a web server or WAF in front of WordPress answers (not WordPress itself). */
export function htmlPage(status: number, title: string, server = 'nginx'): SimResponse {
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`,
  };
}
