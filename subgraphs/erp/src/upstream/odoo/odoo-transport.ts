import { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';

/**
 * The two wire formats of Odoo's external API (upstream-apis.md §4.1), behind one `post(model, method, body)` that
 * takes JSON-2's named body (`ids`, `context`, named parameters) and answers the bare result:
 *
 * - `json2` (Odoo 19+): `POST /json/2/<model>/<method>`, `Authorization: bearer <key>`, HTTP statuses for errors.
 * - `jsonrpc` (Odoo ≤ 18; deprecated in 19, removal planned for 22): `POST /jsonrpc` `common.authenticate(db, login,
 *   key, {})` once for the uid, then `object.execute_kw(db, uid, key, model, method, args, kwargs)` with the record
 *   ids as `args[0]` and everything else as keyword arguments. Errors come as HTTP 200 envelopes
 *   (`{"error": {"code", "message", "data": {"name", "message", …}}}`): each is turned into the HTTP status JSON-2
 *   gives the same exception (odoo/http.py, 19.0 `Json2Dispatcher`: AccessDenied 401, AccessError 403, MissingError
 *   404, UserError / ValidationError / ValueError / TypeError 422, anything else 500), with the same `data` body, so
 *   one error mapping serves both.
 * https://www.odoo.com/documentation/17.0/developer/reference/external_api.html,
 * https://www.odoo.com/documentation/19.0/developer/reference/external_api.html
 */
export type OdooProtocol = 'json2' | 'jsonrpc';
export const ODOO_PROTOCOLS: readonly OdooProtocol[] = ['json2', 'jsonrpc'];

export interface OdooTransportOptions {
  http: AxiosInstance;
  /** @default 'json2' */
  protocol?: OdooProtocol;
  database: string;
  apiKey: string;
  /** the bot user's login: JSON-RPC authenticates with it (JSON-2 does not need it) */
  login?: string | undefined;
}

export interface OdooTransport {
  post(model: string, method: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<AxiosResponse<unknown>>;
}

const STATUS_OF_EXCEPTION: Record<string, number> = {
  'odoo.exceptions.AccessDenied': 401,
  'odoo.exceptions.AccessError': 403,
  'odoo.exceptions.MissingError': 404,
  'odoo.exceptions.UserError': 422,
  'odoo.exceptions.ValidationError': 422,
  'builtins.ValueError': 422,
  'builtins.TypeError': 422,
};

interface JsonRpcEnvelope {
  result?: unknown;
  error?: { code?: unknown; message?: unknown; data?: { name?: unknown; message?: unknown } };
}

/** A JSON-RPC error envelope as the HTTP error JSON-2 answers for the same exception. */
export function jsonRpcErrorToAxiosError(response: AxiosResponse<unknown>, error: NonNullable<JsonRpcEnvelope['error']>): AxiosError {
  const name = typeof error.data?.name === 'string' ? error.data.name : '';
  const status = error.code === 404 ? 404 : (STATUS_OF_EXCEPTION[name] ?? 500);
  const failed: AxiosResponse<unknown> = { ...response, status, statusText: String(error.message ?? ''), data: error.data ?? {} };
  return new AxiosError(`Odoo JSON-RPC error ${name || String(error.code)}`, AxiosError.ERR_BAD_RESPONSE, response.config, response.request, failed);
}

export function createOdooTransport(options: OdooTransportOptions): OdooTransport {
  const { http, database, apiKey } = options;
  if ((options.protocol ?? 'json2') === 'json2') {
    const headers = { Authorization: `bearer ${apiKey}`, 'X-Odoo-Database': database };
    return {
      post: (model, method, body, signal) => http.post(`/json/2/${model}/${method}`, body, { headers, ...(signal ? { signal } : {}) }),
    };
  }
  const login = options.login;
  if (login === undefined || login === '') throw new Error('Odoo JSON-RPC needs the login of the API user (ODOO_LOGIN)');
  let id = 0;
  let uid: Promise<number> | null = null;

  async function rpc(service: string, method: string, args: unknown[], signal?: AbortSignal): Promise<AxiosResponse<unknown>> {
    id += 1;
    const response = await http.post('/jsonrpc', { jsonrpc: '2.0', method: 'call', params: { service, method, args }, id }, signal ? { signal } : {});
    const envelope = (response.data ?? {}) as JsonRpcEnvelope;
    if (envelope.error !== undefined && envelope.error !== null) throw jsonRpcErrorToAxiosError(response, envelope.error);
    return { ...response, data: envelope.result };
  }

  function authenticate(signal?: AbortSignal): Promise<number> {
    if (uid === null) {
      const asked = rpc('common', 'authenticate', [database, login, apiKey, {}], signal).then((response) => {
        // a wrong login or key is `false`, not an error
        if (typeof response.data !== 'number') {
          throw jsonRpcErrorToAxiosError(response, {
            code: 200,
            message: 'Access Denied',
            data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' },
          });
        }
        return response.data;
      });
      uid = asked;
      asked.catch(() => {
        if (uid === asked) uid = null;
      });
    }
    return uid;
  }

  return {
    async post(model, method, body, signal) {
      const { ids, context, ...named } = body;
      const user = await authenticate(signal);
      const args = ids === undefined ? [] : [ids];
      const kwargs = context === undefined ? named : { ...named, context };
      try {
        return await rpc('object', 'execute_kw', [database, user, apiKey, model, method, args, kwargs], signal);
      } catch (error) {
        // a key rotated under a running process: authenticate again on the next call
        if (error instanceof AxiosError && error.response?.status === 401) uid = null;
        throw error;
      }
    },
  };
}
