/**
 * The four subgraphs alone in one process (startSubgraphs, as `npm start` wires them), pointed at the simulators'
 * process through the env the bench passes on. Prints `SUBGRAPHS_READY <json>` with their URLs; exits when the bench
 * closes its stdin.
 */
import { startSubgraphs } from '../../scripts/start-subgraphs.ts';

const subgraphs = await startSubgraphs({ ...process.env, ERP_PORT: '0', ESHOP_PORT: '0', CRM_PORT: '0', MARKETPLACE_PORT: '0' });
process.stdout.write(`SUBGRAPHS_READY ${JSON.stringify(subgraphs.gatewayEnv)}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await subgraphs.stop();
  process.exit(0);
}
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
