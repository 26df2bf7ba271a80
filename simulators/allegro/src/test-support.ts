import { createAllegroSimulator, type AllegroSimulator, type CreateAllegroSimulatorOptions } from './create-allegro-simulator.ts';
import { VND_MEDIA_TYPE } from './allegro-http.ts';

/** Test scaffolding: a listening simulator plus fetch helpers that speak Allegro's headers. */
export interface Harness {
  sim: AllegroSimulator;
  base: string;
  /** a seller token minted by the simulator */
  sellerToken: string;
  /** GET/PUT an API path with the vendor Accept header and the seller token (overridable) */
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** POST the token endpoint with HTTP Basic of the given (default: configured) client */
  token(query: Record<string, string>, client?: { id: string; secret: string } | null): Promise<Response>;
}

export async function startHarness(options: CreateAllegroSimulatorOptions = {}): Promise<Harness> {
  const sim = createAllegroSimulator({ scale: 0.2, ...options });
  const base = await sim.listen(0);
  const sellerToken = sim.allegro.auth.sellerAccessToken();
  const creds = sim.allegro.credentials;
  return {
    sim,
    base,
    sellerToken,
    api(path, init = {}) {
      const { token = sellerToken, headers, ...rest } = init;
      const h = new Headers(headers);
      if (!h.has('accept')) h.set('accept', VND_MEDIA_TYPE);
      if (token !== null && !h.has('authorization')) h.set('authorization', `Bearer ${token}`);
      return fetch(`${base}${path}`, { ...rest, headers: h });
    },
    token(query, client = { id: creds.clientId, secret: creds.clientSecret }) {
      const headers: Record<string, string> = {};
      if (client) headers['authorization'] = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;
      return fetch(`${base}/auth/oauth/token?${new URLSearchParams(query)}`, { method: 'POST', headers });
    },
  };
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export interface ErrorsHolderBody {
  errors: {
    code: string;
    message: string;
    details: string | null;
    path: string | null;
    userMessage: string | null;
    metadata: Record<string, string>;
  }[];
}
