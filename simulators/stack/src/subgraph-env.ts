import type { Simulator, SimulatorName } from '@omnigraph/simulator-core';
import type { AllegroSimulator } from '@omnigraph/simulator-allegro';
import { DEFAULT_CREDENTIALS as HUBSPOT_DEFAULTS } from '@omnigraph/simulator-hubspot';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import type { WooCommerceSimulator } from '@omnigraph/simulator-woocommerce';

/** The variable that points a subgraph at the real system instead of its simulator. */
export const BASE_URL_VARIABLES: Record<SimulatorName, string> = {
  odoo: 'ODOO_BASE_URL',
  woocommerce: 'WOOCOMMERCE_BASE_URL',
  hubspot: 'HUBSPOT_BASE_URL',
  allegro: 'ALLEGRO_BASE_URL',
};

/**
 * The env a subgraph needs to talk to a running simulator: its base URL and the simulator's credentials under the
 * same variable names a real system's credentials use. One place, so `npm start` and the end-to-end tests cannot
 * disagree on how a simulator is wired in.
 */
export function subgraphEnvFor(simulator: Simulator, url: string, hubspotToken = HUBSPOT_DEFAULTS.token): Record<string, string> {
  const base = { [BASE_URL_VARIABLES[simulator.name]]: url };
  switch (simulator.name) {
    case 'odoo': {
      const c = (simulator as OdooSimulator).odoo.credentials;
      // ERP_DEFAULT_PARTNER_ID: the partner a click-and-collect reservation is made for when the CRM customer has no
      // ERP partner (most e-shop customers). The simulated shop has no walk-in customers partner, so its own company
      // partner (id 1) stands in; without one the ERP refuses such a reservation after the e-shop order exists.
      return { ...base, ODOO_DATABASE: c.database, ODOO_API_KEY: c.apiKey, ERP_DEFAULT_PARTNER_ID: '1' };
    }
    case 'woocommerce': {
      const c = (simulator as WooCommerceSimulator).woo.credentials;
      return { ...base, WOOCOMMERCE_CONSUMER_KEY: c.consumerKey, WOOCOMMERCE_CONSUMER_SECRET: c.consumerSecret };
    }
    case 'hubspot':
      return { ...base, HUBSPOT_ACCESS_TOKEN: hubspotToken };
    case 'allegro': {
      const c = (simulator as AllegroSimulator).allegro.credentials;
      // One host serves both the API and the token endpoint here; real Allegro has the token endpoint on allegro.pl.
      return {
        ...base,
        ALLEGRO_AUTH_URL: url,
        ALLEGRO_CLIENT_ID: c.clientId,
        ALLEGRO_CLIENT_SECRET: c.clientSecret,
        ALLEGRO_REFRESH_TOKEN: c.refreshToken,
        // The simulator forgets the grants it issued when it stops; a grant kept across its runs (file, Redis) would
        // only be refused by the next one. Real Allegro leaves this unset: Redis or the token file.
        ALLEGRO_TOKEN_STORE: 'memory',
      };
    }
  }
}
