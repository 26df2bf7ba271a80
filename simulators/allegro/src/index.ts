import { pathToFileURL } from 'node:url';
import { runSimulator, type SimulatorBoot } from '@omnigraph/simulator-core';
import { createAllegroSimulator } from './create-allegro-simulator.ts';
import { loadAllegroSimulatorConfig } from './config.ts';

export { createAllegroSimulator } from './create-allegro-simulator.ts';
export type { AllegroSimulator, CreateAllegroSimulatorOptions } from './create-allegro-simulator.ts';
export { loadAllegroSimulatorConfig, DEFAULT_ALLEGRO_CREDENTIALS, ALLEGRO_DEFAULT_RATE_LIMIT } from './config.ts';
export type { AllegroCredentials, AllegroSimulatorConfig } from './config.ts';
export { VND_MEDIA_TYPE } from './allegro-http.ts';

/** Reads `ALLEGRO_SIMULATOR_*` (and the shared dataset settings) from env and creates the simulator, not listening yet. */
export function bootAllegroSimulator(env: NodeJS.ProcessEnv): SimulatorBoot {
  const { runtime, credentials } = loadAllegroSimulatorConfig(env);
  const simulator = createAllegroSimulator({
    seed: runtime.seed,
    scale: runtime.scale,
    piiCanary: runtime.piiCanary,
    credentials,
    knobs: runtime.knobs,
  });
  return {
    config: runtime,
    simulator,
    credentials: {
      'client id': credentials.clientId,
      'client secret': credentials.clientSecret,
      'refresh token (rotates on use)': credentials.refreshToken,
      'authorization code': credentials.authCode,
      'token endpoint': 'POST /auth/oauth/token?grant_type=client_credentials|refresh_token|authorization_code (HTTP Basic)',
      'seller access token': simulator.allegro.auth.sellerAccessToken(),
      'required header': 'Accept: application/vnd.allegro.public.v1+json',
    },
  };
}

// Run only when executed directly (`tsx simulators/allegro/src/index.ts`), not when imported by run-all or tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSimulator(() => bootAllegroSimulator(process.env));
}
