/**
 * The four subgraphs alone in one process (startSubgraphs, as `npm start` wires them), pointed at the simulators'
 * process through the env the bench passes on. Prints `SUBGRAPHS_READY <json>` with their URLs; exits when the bench
 * closes its stdin.
 */
import { startSubgraphs } from '../../scripts/start-subgraphs.ts';
import { stopWithParent } from '../stop-with-parent.ts';

// Upstream budgets off unless the environment sets them, like the simulators' own rate limits: the benchmark measures
// the gateway and the subgraphs, not HubSpot's 5 searches per second.
const subgraphs = await startSubgraphs({
  HUBSPOT_BUDGET_REQUESTS_PER_10S: 'off',
  HUBSPOT_BUDGET_SEARCHES_PER_SECOND: 'off',
  ALLEGRO_BUDGET_REQUESTS_PER_MINUTE: 'off',
  ...process.env,
  ERP_PORT: '0',
  ESHOP_PORT: '0',
  CRM_PORT: '0',
  MARKETPLACE_PORT: '0',
});
process.stdout.write(`SUBGRAPHS_READY ${JSON.stringify(subgraphs.gatewayEnv)}\n`);

stopWithParent(() => subgraphs.stop());
