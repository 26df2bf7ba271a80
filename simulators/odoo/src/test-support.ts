import { createOdooSimulator, type CreateOdooSimulatorOptions, type OdooSimulator } from './create-odoo-simulator.ts';
import { DEFAULT_CREDENTIALS } from './odoo-store.ts';

export const CREDS = DEFAULT_CREDENTIALS;

export interface JsonRpcReply {
  status: number;
  contentType: string | null;
  body: { jsonrpc: string; id: unknown; result?: unknown; error?: { code: number; message: string; data: OdooErrorBody } };
  text: string;
}

export interface OdooErrorBody {
  name: string;
  message: string;
  arguments: unknown[];
  context: Record<string, unknown>;
  debug: string;
}

export interface Json2Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A simulator on port 0 plus thin clients for both wire formats, written like an integration would call Odoo. */
export interface OdooHarness {
  sim: OdooSimulator;
  base: string;
  /** raw JSON-RPC call */
  jsonrpc(service: string, method: string, args: unknown[], id?: unknown): Promise<JsonRpcReply>;
  /** `object.execute_kw` with the default credentials; returns the envelope */
  executeKw(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<JsonRpcReply>;
  /** `object.execute_kw`, unwrapped: throws when the envelope holds an error */
  call<T = unknown>(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<T>;
  /** `POST /json/2/<model>/<method>` with the default bearer key (override headers to test auth) */
  json2<T = unknown>(model: string, method: string, body?: unknown, headers?: Record<string, string>): Promise<Json2Reply<T>>;
  close(): Promise<void>;
}

export async function startOdoo(options: CreateOdooSimulatorOptions = {}): Promise<OdooHarness> {
  const sim = createOdooSimulator({ scale: 0.2, ...options });
  const base = await sim.listen(0);
  const creds = sim.odoo.credentials;
  let nextId = 1;
  const jsonrpc = async (service: string, method: string, args: unknown[], id: unknown = nextId++): Promise<JsonRpcReply> => {
    const res = await fetch(`${base}/jsonrpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service, method, args }, id }),
    });
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type'), body: JSON.parse(text), text };
  };
  const executeKw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    jsonrpc('object', 'execute_kw', [creds.database, creds.uid, creds.apiKey, model, method, args, kwargs]);
  return {
    sim,
    base,
    jsonrpc,
    executeKw,
    async call<T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) {
      const reply = await executeKw(model, method, args, kwargs);
      if (reply.body.error) throw new Error(`${reply.body.error.data.name}: ${reply.body.error.data.message}`);
      return reply.body.result as T;
    },
    async json2<T>(model: string, method: string, body: unknown = {}, headers: Record<string, string> = {}) {
      const res = await fetch(`${base}/json/2/${model}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `bearer ${creds.apiKey}`, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // HTML error pages stay text
      }
      return { status: res.status, headers: res.headers, body: parsed as T, text };
    },
    close: () => sim.close(),
  };
}

export type Rec = Record<string, unknown>;
