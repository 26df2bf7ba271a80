import type { Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import { accessDenied, keyError, nameError, OdooError, plainException, typeError, unknownDatabaseError, valueError } from '../odoo-errors.ts';
import { callMethod } from '../odoo-methods.ts';
import {
  htmlResponse,
  isJsonMimetype,
  jsonResponse,
  jsonRpcError,
  jsonRpcResult,
  SERVER_VERSION,
  VERSION_INFO,
  wrongMimetype,
} from '../odoo-responses.ts';
import type { OdooStore } from '../odoo-store.ts';
import { pyRepr } from '../py-format.ts';

/**
 * The legacy external API: `POST /jsonrpc` with `{"jsonrpc":"2.0","method":"call","params":{service,method,args}}`
 * (deprecated in Odoo 19, removal planned for Odoo 22) and the version probes. Every application error is an
 * HTTP 200 envelope.
 */
export function jsonRpcRoutes(store: OdooStore): Route[] {
  return [
    { method: 'POST', path: '/jsonrpc', handler: (req) => handleJsonRpc(store, req) },
    {
      method: 'GET',
      path: '/web/version',
      handler: () => jsonResponse(200, { version_info: VERSION_INFO, version: SERVER_VERSION }),
    },
    {
      method: 'POST',
      path: '/web/webclient/version_info',
      handler: (req) => {
        const body = parseEnvelope(req);
        if ('response' in body) return body.response;
        return jsonRpcResult(body.id, versionInfo());
      },
    },
  ];
}

function versionInfo() {
  return {
    server_version: SERVER_VERSION,
    server_version_info: VERSION_INFO,
    server_serie: SERVER_VERSION,
    protocol_version: 1,
  };
}

type Envelope = { id: unknown; params: Record<string, unknown> } | { response: SimResponse };

function parseEnvelope(req: SimRequest): Envelope {
  if (!isJsonMimetype(req)) return { response: wrongMimetype('jsonrpc') };
  let body: unknown;
  try {
    body = req.rawBody.length === 0 ? undefined : JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    // Odoo aborts with a bare text response here, bypassing its JSON error handling.
    return { response: htmlResponse(400, 'Invalid JSON data') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { response: htmlResponse(400, 'Invalid JSON-RPC data') };
  }
  const b = body as Record<string, unknown>;
  const params = b['params'] ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return { response: htmlResponse(400, 'Invalid JSON-RPC data') };
  }
  return { id: b['id'] ?? null, params: params as Record<string, unknown> };
}

function handleJsonRpc(store: OdooStore, req: SimRequest): SimResponse {
  const env = parseEnvelope(req);
  if ('response' in env) return env.response;
  const { id, params } = env;
  try {
    for (const name of ['service', 'method', 'args']) {
      if (!(name in params)) throw typeError(`RPC.jsonrpc() missing 1 required positional argument: '${name}'`);
    }
    const result = dispatchRpc(store, req, params['service'], params['method'], params['args']);
    return jsonRpcResult(id, result);
  } catch (error) {
    if (error instanceof OdooError) return jsonRpcError(id, error);
    throw error;
  }
}

function asArgs(args: unknown): unknown[] {
  if (Array.isArray(args)) return args;
  throw typeError(`cannot unpack non-iterable ${pythonType(args)} object`);
}

function pythonType(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  return 'dict';
}

function arity(fn: string, args: unknown[], min: number, max: number): void {
  if (args.length > max) {
    throw typeError(
      min === max
        ? `${fn}() takes ${max} positional argument${max === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`
        : `${fn}() takes from ${min} to ${max} positional arguments but ${args.length} were given`,
    );
  }
  if (args.length < min) {
    const names: Record<string, string[]> = {
      exp_login: ['db', 'login', 'password'],
      exp_authenticate: ['db', 'login', 'password', 'user_agent_env'],
    };
    const missing = (names[fn] ?? []).slice(args.length, min).map((n) => `'${n}'`);
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    throw typeError(`${fn}() missing ${min - args.length} required positional argument${min - args.length === 1 ? '' : 's'}: ${list}`);
  }
}

/** `odoo.http.dispatch_rpc`: the `common`, `db` and `object` services. */
function dispatchRpc(store: OdooStore, req: SimRequest, service: unknown, method: unknown, rawArgs: unknown): unknown {
  const creds = store.credentials;
  const m = String(method);
  switch (service) {
    case 'common': {
      req.count(`common.${m}`);
      const args = asArgs(rawArgs);
      if (m === 'version') {
        arity('exp_version', args, 0, 0);
        return versionInfo();
      }
      if (m === 'about') {
        arity('exp_about', args, 0, 1);
        const info = 'See http://openerp.com';
        return args[0] ? [info, SERVER_VERSION] : info;
      }
      if (m === 'login' || m === 'authenticate') {
        const fn = m === 'login' ? 'exp_login' : 'exp_authenticate';
        arity(fn, args, m === 'login' ? 3 : 4, m === 'login' ? 3 : 4);
        const [db, login, password] = args;
        if (db !== creds.database) throw unknownDatabaseError(String(db));
        // res.users.authenticate swallows AccessDenied into `false`
        return login === creds.login && password === creds.apiKey ? creds.uid : false;
      }
      throw plainException(`Method not found: ${m}`);
    }
    case 'db': {
      req.count(`db.${m}`);
      if (m === 'list') return [creds.database];
      if (m === 'server_version') return SERVER_VERSION;
      if (m === 'db_exist') return asArgs(rawArgs)[0] === creds.database;
      throw plainException(`Method not found: ${m}`);
    }
    case 'object':
      return dispatchObject(store, req, m, asArgs(rawArgs));
    default:
      throw keyError(String(service));
  }
}

/** `odoo.service.model.dispatch` (Odoo 19): unpack, check the password, open the database, check the user, execute. */
function dispatchObject(store: OdooStore, req: SimRequest, method: string, params: unknown[]): unknown {
  const creds = store.credentials;
  if (params.length < 5) throw valueError(`not enough values to unpack (expected at least 5, got ${params.length})`);
  const [db, rawUid, passwd, model, modelMethod, ...rest] = params;
  req.count(`${String(model)}.${String(modelMethod)}`);
  const uid = pythonInt(rawUid);
  if (!passwd) throw accessDenied();
  if (db !== creds.database) throw unknownDatabaseError(String(db));
  let args: unknown[];
  let kw: Record<string, unknown>;
  if (method === 'execute') {
    args = rest;
    kw = {};
  } else if (method === 'execute_kw') {
    const pair = rest.length === 1 ? [rest[0], {}] : rest;
    if (pair.length > 2) throw valueError('too many values to unpack (expected 2)');
    if (pair.length < 2) throw valueError(`not enough values to unpack (expected 2, got ${pair.length})`);
    args = asArgs(pair[0]);
    const k = pair[1] ?? {};
    if (typeof k !== 'object' || Array.isArray(k)) throw typeError(`BaseModel call argument after ** must be a mapping, not ${pythonType(k)}`);
    kw = k as Record<string, unknown>;
  } else {
    throw nameError(`Method not available ${method}`);
  }
  if (uid !== creds.uid || passwd !== creds.apiKey) throw accessDenied();
  if (typeof model !== 'string' || typeof modelMethod !== 'string') throw keyError(pyRepr(model));
  return callMethod(store, { model, method: modelMethod, wire: 'jsonrpc', args, kwargs: kw });
}

function pythonInt(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  if (typeof v === 'string') throw valueError(`invalid literal for int() with base 10: ${pyRepr(v)}`);
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${pythonType(v)}'`);
}
