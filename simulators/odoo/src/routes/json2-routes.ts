import type { HttpMethod, Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import { httpError, OdooError, WERKZEUG } from '../odoo-errors.ts';
import { callMethod } from '../odoo-methods.ts';
import { htmlResponse, isJsonMimetype, json2Error, jsonResponse, NOT_FOUND_NODB } from '../odoo-responses.ts';
import type { OdooStore } from '../odoo-store.ts';

const BEARER = /^bearer\s+(.+)$/i;

/**
 * The Odoo 19 external API: `POST /json/2/<model>/<method>` with `Authorization: bearer <api key>`, named
 * parameters in a JSON object body, the bare result on success and real HTTP statuses on errors.
 */
export function json2Routes(store: OdooStore): Route[] {
  const didYouMean: Route['handler'] = () => json2Error(httpError(404, 'Did you mean POST /json/2/<model>/<method>?'));
  const methods: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
  return [
    { method: 'POST', path: '/json/2/:model/:method', handler: (req) => handleJson2(store, req) },
    // Odoo's catch-all for anything else under /json/2 (GET on a method included: the real route is POST only).
    ...methods.flatMap((method): Route[] => [
      { method, path: '/json/2', name: `${method} /json/2/*`, handler: didYouMean },
      { method, path: '/json/2/*', name: `${method} /json/2/*`, handler: didYouMean },
    ]),
  ];
}

function handleJson2(store: OdooStore, req: SimRequest): SimResponse {
  const model = req.params['model'] ?? '';
  const method = req.params['method'] ?? '';
  req.count(`${model}.${method}`);
  const creds = store.credentials;

  if (!isJsonMimetype(req)) {
    return json2Error(httpError(415, WERKZEUG[415]!.description, { accept: 'application/json' }));
  }
  // The database is resolved before routing: an unknown one leaves Odoo without a registry, and the no-db
  // routing map has no /json/2 route.
  const dbHeader = req.headers['x-odoo-database'];
  if (dbHeader !== undefined && dbHeader !== creds.database) {
    return htmlResponse(404, NOT_FOUND_NODB);
  }
  const auth = req.headers['authorization'];
  const match = typeof auth === 'string' ? BEARER.exec(auth.trim()) : null;
  if (!match) {
    return json2Error(httpError(401, 'User not authenticated, use an API Key with a Bearer Authorization header.', { 'www-authenticate': 'Bearer' }));
  }
  if (match[1]!.trim() !== creds.apiKey) {
    return json2Error(httpError(401, 'Invalid apikey', { 'www-authenticate': 'Bearer' }));
  }

  let body: unknown = {};
  if (req.rawBody.length > 0) {
    try {
      body = JSON.parse(req.rawBody.toString('utf8'));
    } catch (error) {
      return json2Error(httpError(400, `could not parse the body as json: ${pythonJsonError(req.rawBody.toString('utf8'), error)}`));
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return json2Error(httpError(400, 'could not parse the body, expecting a json object'));
  }
  const { ids, context, ...kwargs } = body as Record<string, unknown>;
  try {
    const result = callMethod(store, { model, method, wire: 'json2', ids, context, args: [], kwargs });
    return jsonResponse(200, result);
  } catch (error) {
    if (error instanceof OdooError) return json2Error(error);
    throw error;
  }
}

/** Python's json error text (`Expecting value: line 1 column 1 (char 0)`), positioned like V8 reports it. */
function pythonJsonError(text: string, error: unknown): string {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  const pos = m ? Number(m[1]) : 0;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const reason =
    pos >= text.trim().length
      ? 'Expecting value'
      : text[pos] === '"' || /[a-z]/i.test(text[pos] ?? '')
        ? 'Expecting property name enclosed in double quotes'
        : 'Expecting value';
  return `${reason}: line ${line} column ${column} (char ${pos})`;
}
