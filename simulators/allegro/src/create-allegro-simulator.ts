import { createSimulator, type KnobsState, type SimRequest, type SimResponse, type Simulator, type SimulatorHooks } from '@omnigraph/simulator-core';
import { getDataset, type Dataset } from '@omnigraph/simulator-dataset';
import { AllegroAuth } from './allegro-auth.ts';
import {
  GATEWAY_JSON,
  USER_MESSAGES,
  authError,
  errorsHolder,
  notAcceptable,
  traceIdOf,
  unsupportedMediaType,
  type ErrorSpec,
} from './allegro-http.ts';
import { SELLER_ID } from './allegro-mappers.ts';
import { AllegroStore } from './allegro-store.ts';
import { ALLEGRO_DEFAULT_RATE_LIMIT, DEFAULT_ALLEGRO_CREDENTIALS, type AllegroCredentials } from './config.ts';
import { createEventRoutes } from './routes/event-routes.ts';
import { createMeRoutes } from './routes/me-routes.ts';
import { createOAuthRoutes } from './routes/oauth-routes.ts';
import { createOfferRoutes } from './routes/offer-routes.ts';
import { createOrderRoutes } from './routes/order-routes.ts';
import { createPaymentRoutes } from './routes/payment-routes.ts';

export interface CreateAllegroSimulatorOptions {
  /** dataset seed. @default the dataset's default */
  seed?: number;
  /** dataset volume multiplier. @default 1 */
  scale?: number;
  /** the dataset's PII canary marker (see DatasetOptions.piiCanary); ignored when `dataset` is given */
  piiCanary?: string;
  /** a ready dataset (wins over seed/scale) */
  dataset?: Dataset;
  credentials?: Partial<AllegroCredentials>;
  /** start-up knobs; the rate limit defaults to Allegro's 9000 requests/min per Client_ID with a 1-minute block */
  knobs?: Partial<KnobsState>;
  faultSeed?: number;
  /** epoch-ms clock for token expiry and write timestamps; tests pass a fake one. @default Date.now */
  clock?: () => number;
}

export interface AllegroSimulator extends Simulator {
  /** the concrete store, for tests and the entry point */
  allegro: { store: AllegroStore; auth: AllegroAuth; credentials: AllegroCredentials };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function rateLimited(req: SimRequest): SimResponse {
  // Allegro documents no rate-limit headers (no Retry-After, no X-RateLimit-*): the ErrorsHolder body is the signal.
  return errorsHolder(
    429,
    [{ code: 'RateLimitExceedException', message: 'An error has occurred', userMessage: USER_MESSAGES.rateLimit }],
    req,
    GATEWAY_JSON,
  );
}

function errorFor(status: number, req: SimRequest): SimResponse {
  const one = (spec: ErrorSpec) => errorsHolder(status, [spec], req);
  switch (status) {
    case 400:
      return one({ code: 'BAD_REQUEST', message: 'The object sent cannot be properly parsed', userMessage: USER_MESSAGES.unparsable });
    case 401:
      return authError(401, 'unauthorized', 'Full authentication is required to access this resource');
    case 403:
      return one({ code: 'AccessDenied', message: 'Access is denied', userMessage: USER_MESSAGES.accessDenied });
    case 404:
      return one({ code: 'NOT_FOUND', message: 'Not Found', path: req.path, userMessage: USER_MESSAGES.notFound });
    case 406:
      return notAcceptable(req);
    case 409:
      return one({ code: 'CONFLICT', message: 'Conflict', path: req.path, userMessage: USER_MESSAGES.conflict });
    case 415:
      return unsupportedMediaType(req);
    case 422:
      return one({ code: 'VALIDATION_ERROR', message: 'Unprocessable Entity', path: req.path, userMessage: USER_MESSAGES.invalidParameters });
    case 429:
      return rateLimited(req);
    default:
      return one({
        code: status >= 500 ? 'ERROR' : 'BAD_REQUEST',
        message: 'An error has occurred',
        path: req.path,
        userMessage: USER_MESSAGES.serverError,
      });
  }
}

/**
 * The Allegro REST API simulator: OAuth2 token endpoint, orders (checkout forms, fulfillment status, the order
 * journal), offers and `/me`, with Allegro's media type, errors and per-Client_ID budget.
 */
export function createAllegroSimulator(options: CreateAllegroSimulatorOptions = {}): AllegroSimulator {
  const dataset = options.dataset ?? getDataset({ seed: options.seed, scale: options.scale, piiCanary: options.piiCanary });
  const credentials: AllegroCredentials = { ...DEFAULT_ALLEGRO_CREDENTIALS, ...options.credentials };
  const clock = options.clock ?? Date.now;
  const auth = new AllegroAuth(credentials, SELLER_ID, clock);
  const store = new AllegroStore({ dataset, auth, clock });
  let traces = 0;

  const hooks: SimulatorHooks = {
    errorResponse: errorFor,
    rateLimitResponse: (_info, req) => rateLimited(req),
    notFoundResponse: (req) =>
      errorsHolder(404, [{ code: 'NOT_FOUND', message: 'Not Found', path: req.path, userMessage: USER_MESSAGES.notFound }], req),
    // The budget is per Client_ID, read from the token; the token endpoint (another host in reality) has its own.
    rateLimitKey: (req) => {
      if (req.path.startsWith('/auth/oauth/')) return 'oauth-token-endpoint';
      const header = req.headers['authorization'];
      const m = BEARER.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
      return (m && auth.clientIdOf(m[1]!)) || 'anonymous';
    },
    decorate: (res) => {
      traces += 1;
      res.headers = { ...res.headers, 'trace-id': traceIdOf(traces) };
    },
  };

  const simulator = createSimulator({
    name: 'allegro',
    routes: [
      ...createOAuthRoutes(auth),
      ...createOrderRoutes(store, auth),
      ...createPaymentRoutes(store, auth),
      ...createEventRoutes(store, auth),
      ...createOfferRoutes(store, auth),
      ...createMeRoutes(store, auth),
    ],
    hooks,
    store,
    knobs: { rateLimit: { ...ALLEGRO_DEFAULT_RATE_LIMIT }, ...options.knobs },
    faultSeed: options.faultSeed,
  });
  return Object.assign(simulator, { allegro: { store, auth, credentials } });
}
