/**
 * `npm run keys -- <command>` (in an image: `node gateway/src/keys-cli.ts <command>`): the API key CLI (packages/auth/src/cli.ts) with the gateway's vocabulary, so a key
 * naming a scope the graph does not declare, or an operation schema/operations/ does not register, is refused
 * instead of created unusable. The vocabulary comes from the gateway's public `key-vocabulary` export (the same files
 * the gateway serves: GATEWAY_SUPERGRAPH_PATH or the committed supergraph).
 */
import { runCli } from '@omnigraph/auth/cli';
import { loadKeyVocabulary } from './key-vocabulary.ts';

// `npm run keys -- list | head` closes the pipe early; that is the reader's choice, not a crash worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
const supergraphPath = process.env['GATEWAY_SUPERGRAPH_PATH'];
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  vocabulary: () => loadKeyVocabulary(supergraphPath === undefined || supergraphPath === '' ? {} : { supergraphPath }),
});
