import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { typeScriptEntryArgs } from '@omnigraph/shared/testing';

const run = promisify(execFile);
const root = await mkdtemp(join(tmpdir(), 'omnigraph-keys-script-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const repo = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run keys` as an operator runs it: a process, with the gateway's vocabulary of scopes and operations. */
async function keys(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    OMNIGRAPH_KEY_STORE_FILE: join(root, 'keys.json'),
    OMNIGRAPH_API_KEY_PEPPER: 'script-test-pepper-0123456789abcdefgh',
    REDIS_URL: '',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [...typeScriptEntryArgs(join(repo, 'gateway/src/keys-cli.ts')), ...args], {
      env,
      cwd: repo,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run keys', () => {
  it('refuses a misspelt scope and an unregistered operation with a non-zero exit naming the valid ones', async () => {
    const result = await keys('create', '--name', 'x', '--owner', 'p', '--scopes', 'catalog:reed', '--rate-limit', '10', '--operations', 'NoSuchOp');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'valid scopes: catalog:read, customer-tokens:issue, customers:pii, customers:read, notes:write, orders:read, orders:write, pricing:read, returns:write, stock:read, writes:read',
    );
    expect(result.stderr).toContain('not a registered operation: NoSuchOp; registered: CallCenterCustomer');
    expect(JSON.parse((await keys('list', '--json')).stdout)).toEqual([]);
  }, 30_000);
});
