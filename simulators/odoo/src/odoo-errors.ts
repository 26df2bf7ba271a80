import { pyRepr } from './py-format.ts';

/**
 * A Python exception as Odoo 19 serializes it (`odoo.http.serialize_exception`): JSON-RPC wraps it in an HTTP 200
 * envelope, JSON-2 answers it with the exception's HTTP status (`UserError.http_status` and subclasses, werkzeug
 * HTTPException codes, 500 for anything else).
 */
export class OdooError extends Error {
  /** fully qualified class name as Odoo reports it: `odoo.exceptions.UserError`, `builtins.ValueError` */
  readonly pyName: string;
  /** `exception.args` (JSON-2 werkzeug errors: `[description, code]`) */
  readonly pyArgs: unknown[];
  /** HTTP status over JSON-2 */
  readonly status: number;
  /** what `str(exc)` prints in the traceback's last line */
  readonly strExc: string;
  readonly headers: Record<string, string>;
  /** AccessDenied hides its traceback (`suppress_traceback`) */
  readonly withTraceback: boolean;

  constructor(
    pyName: string,
    message: string,
    pyArgs: unknown[],
    status: number,
    strExc: string = message,
    headers: Record<string, string> = {},
    withTraceback = true,
  ) {
    super(message);
    this.pyName = pyName;
    this.pyArgs = pyArgs;
    this.status = status;
    this.strExc = strExc;
    this.headers = headers;
    this.withTraceback = withTraceback;
    this.name = 'OdooError';
  }

  /** `serialize_exception(exc)`: the `data` of a JSON-RPC error and the body of a JSON-2 error (19.0 key order). */
  serialize(frames: readonly string[] = RPC_FRAMES): OdooErrorData {
    return {
      name: this.pyName,
      message: this.message,
      arguments: this.pyArgs,
      context: {},
      debug: debugText(this, frames),
    };
  }
}

export interface OdooErrorData {
  name: string;
  message: string;
  arguments: unknown[];
  context: Record<string, unknown>;
  debug: string;
}

export const userError = (message: string) => new OdooError('odoo.exceptions.UserError', message, [message], 422);
export const validationError = (message: string) => new OdooError('odoo.exceptions.ValidationError', message, [message], 422);
export const accessError = (message: string) => new OdooError('odoo.exceptions.AccessError', message, [message], 403);
export const missingError = (message: string) => new OdooError('odoo.exceptions.MissingError', message, [message], 404);
export const accessDenied = (message = 'Access Denied') => new OdooError('odoo.exceptions.AccessDenied', message, [message], 403, message, {}, false);
export const valueError = (message: string) => new OdooError('builtins.ValueError', message, [message], 500);
export const typeError = (message: string) => new OdooError('builtins.TypeError', message, [message], 500);
export const attributeError = (message: string) => new OdooError('builtins.AttributeError', message, [message], 500);
export const indexError = (message: string) => new OdooError('builtins.IndexError', message, [message], 500);
export const nameError = (message: string) => new OdooError('builtins.NameError', message, [message], 500);
export const plainException = (message: string) => new OdooError('builtins.Exception', message, [message], 500);
/** `KeyError('x')`: str() of a KeyError is the repr of its key. */
export const keyError = (key: string) => new OdooError('builtins.KeyError', pyRepr(key), [key], 500, pyRepr(key));
/** What a missing database looks like: psycopg2 cannot connect, the registry cannot load. */
export const unknownDatabaseError = (db: string) => {
  const m = `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${db}" does not exist\n`;
  return new OdooError('psycopg2.OperationalError', m, [m], 500);
};
/** A realistic server-side failure for injected 500s: the database refused another connection. */
export const serverFailure = () => {
  const m = 'connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  sorry, too many clients already\n';
  return new OdooError('psycopg2.OperationalError', m, [m], 500);
};

/** A werkzeug HTTPException raised inside a JSON-2 call: `arguments` is `(description, code)` there. */
export function httpError(status: number, description: string, headers: Record<string, string> = {}): OdooError {
  const cls = WERKZEUG[status] ?? WERKZEUG[500]!;
  return new OdooError(
    `werkzeug.exceptions.${cls.name}`,
    description,
    [description, status],
    status,
    `${status} ${cls.reason}: ${description}`,
    headers,
  );
}

export const WERKZEUG: Record<number, { name: string; reason: string; description: string }> = {
  400: {
    name: 'BadRequest',
    reason: 'Bad Request',
    description: 'The browser (or proxy) sent a request that this server could not understand.',
  },
  401: {
    name: 'Unauthorized',
    reason: 'Unauthorized',
    description:
      "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
  },
  403: {
    name: 'Forbidden',
    reason: 'Forbidden',
    description: "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
  },
  404: {
    name: 'NotFound',
    reason: 'Not Found',
    description: 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  },
  405: { name: 'MethodNotAllowed', reason: 'Method Not Allowed', description: 'The method is not allowed for the requested URL.' },
  408: {
    name: 'RequestTimeout',
    reason: 'Request Timeout',
    description: "The server closed the network connection because the browser didn't finish the request within the specified time.",
  },
  409: {
    name: 'Conflict',
    reason: 'Conflict',
    description: 'A conflict happened while processing the request. The resource might have been modified while the request was being processed.',
  },
  410: {
    name: 'Gone',
    reason: 'Gone',
    description:
      'The requested URL is no longer available on this server and there is no forwarding address. If you followed a link from a foreign page, please contact the author of this page.',
  },
  413: {
    name: 'RequestEntityTooLarge',
    reason: 'Request Entity Too Large',
    description: 'The data value transmitted exceeds the capacity limit.',
  },
  415: {
    name: 'UnsupportedMediaType',
    reason: 'Unsupported Media Type',
    description: 'The server does not support the media type transmitted in the request.',
  },
  422: {
    name: 'UnprocessableEntity',
    reason: 'Unprocessable Entity',
    description: 'The request was well-formed but was unable to be followed due to semantic errors.',
  },
  429: {
    name: 'TooManyRequests',
    reason: 'Too Many Requests',
    description: 'This user has exceeded an allotted request count. Try again later.',
  },
  500: {
    name: 'InternalServerError',
    reason: 'Internal Server Error',
    description:
      'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
  },
  501: {
    name: 'NotImplemented',
    reason: 'Not Implemented',
    description: 'The server does not support the action requested by the browser.',
  },
  502: {
    name: 'BadGateway',
    reason: 'Bad Gateway',
    description: 'The proxy server received an invalid response from an upstream server.',
  },
  503: {
    name: 'ServiceUnavailable',
    reason: 'Service Unavailable',
    description: 'The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.',
  },
  504: { name: 'GatewayTimeout', reason: 'Gateway Timeout', description: 'The connection to an upstream server timed out.' },
};

/** werkzeug's HTML error page (what Odoo sends for HTTP errors outside a JSON dispatcher). */
export function werkzeugHtml(status: number, description?: string): string {
  const cls = WERKZEUG[status] ?? { reason: 'Error', description: '' };
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${cls.reason}</title>\n<h1>${cls.reason}</h1>\n<p>${
    description ?? cls.description
  }</p>\n`;
}

const NGINX_TITLES: Record<number, string> = {
  429: '429 Too Many Requests',
  500: '500 Internal Server Error',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

/** The page an nginx reverse proxy in front of Odoo answers when Odoo is down, restarting or slow. */
export function nginxHtml(status: number): string {
  const title = NGINX_TITLES[status] ?? `${status} ${WERKZEUG[status]?.reason ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const ODOO = '/usr/lib/python3/dist-packages/odoo';

/** Stack frames of a failing `/jsonrpc` → `execute_kw` call; only for the `debug` text, which clients never parse. */
export const RPC_FRAMES: readonly string[] = [
  `  File "${ODOO}/http.py", line 2246, in _serve_nodb\n    response = self.dispatcher.dispatch(rule.endpoint, args)`,
  `  File "${ODOO}/http.py", line 2553, in dispatch\n    result = endpoint(**self.request.params)`,
  `  File "${ODOO}/http.py", line 760, in route_wrapper\n    result = endpoint(self, *args, **params_ok)`,
  `  File "${ODOO}/addons/base/controllers/rpc.py", line 166, in jsonrpc\n    return dispatch_rpc(service, method, args)`,
  `  File "${ODOO}/http.py", line 399, in dispatch_rpc\n    return dispatch(method, params)`,
  `  File "${ODOO}/service/model.py", line 107, in dispatch\n    res = execute_cr(cr, uid, model, method_, args, kw)`,
  `  File "${ODOO}/service/model.py", line 131, in execute_cr\n    result = retrying(partial(call_kw, recs, method, args, kw), env)`,
];

/** Stack frames of a failing `/json/2/<model>/<method>` call. */
export const JSON2_FRAMES: readonly string[] = [
  `  File "${ODOO}/http.py", line 2212, in _transactioning\n    return service_model.retrying(func, env=self.env)`,
  `  File "${ODOO}/service/model.py", line 181, in retrying\n    result = func()`,
  `  File "${ODOO}/http.py", line 2179, in _serve_ir_http\n    response = self.dispatcher.dispatch(rule.endpoint, args)`,
  `  File "${ODOO}/addons/web/controllers/json2.py", line 41, in dispatch\n    result = self.request.registry['ir.http']._dispatch(endpoint)`,
  `  File "${ODOO}/addons/web/controllers/json2.py", line 140, in web_json_2_rpc\n    result = func(records, **kwargs)`,
];

function debugText(error: OdooError, frames: readonly string[]): string {
  const cls = error.pyName.startsWith('builtins.') ? error.pyName.slice('builtins.'.length) : error.pyName;
  const last = `${cls}: ${error.strExc}\n`;
  if (!error.withTraceback) return last;
  return `Traceback (most recent call last):\n${frames.join('\n')}\n${last}`;
}
