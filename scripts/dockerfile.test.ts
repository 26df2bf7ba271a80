/**
 * The image cannot be built here (no Docker engine on the build machines), so this checks the Dockerfile's promises
 * statically — base image in step with the dev dependency, production dependencies only, every workspace's
 * package.json present for `npm ci`, a non-root user owning only the data directory, node as PID 1 — and evaluates
 * .dockerignore with a port of Docker's own matcher (@balena/dockerignore) over the repository's files.
 * e2e/production-start.test.ts runs the image's start command and HEALTHCHECK on Node 24.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ignore } from '@balena/dockerignore';
import { describe, expect, it } from 'vitest';

// its types declare an ES default export over a CommonJS `module.exports = factory`
const dockerignore = createRequire(import.meta.url)('@balena/dockerignore') as () => Ignore;

const REPO = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(`${REPO}${path}`, 'utf8');

/** Dockerfile instructions with continuations joined and comments dropped, grouped by stage. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: { name: string; from: string; lines: string[] }[] } {
  const logical = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const args: Record<string, string> = {};
  const stages: { name: string; from: string; lines: string[] }[] = [];
  for (const line of logical) {
    const from = /^FROM (\S+) AS (\S+)$/i.exec(line);
    if (from) stages.push({ from: from[1]!, name: from[2]!, lines: [] });
    else if (stages.length === 0 && line.startsWith('ARG ')) {
      const [key, value] = line.slice(4).split('=');
      args[key!] = value!;
    } else if (stages.length > 0) stages.at(-1)!.lines.push(line);
  }
  return { args, stages };
}

const dockerfile = parseDockerfile(read('Dockerfile'));
const rootPackage = JSON.parse(read('package.json')) as { workspaces: string[]; devDependencies: Record<string, string> };

describe('Dockerfile', () => {
  it('builds on Node 24 pinned to the minor of the `node` dev dependency, so tests and images run the same Node', () => {
    const image = dockerfile.args['NODE_IMAGE']!;
    expect(image).toMatch(/^node:24\.\d+-[a-z]+-slim$/);
    const [, minor] = /^node:24\.(\d+)-/.exec(image)!;
    expect(rootPackage.devDependencies['node']).toMatch(new RegExp(`^24\\.${minor}\\.\\d+$`));
    expect(dockerfile.stages.map((s) => [s.name, s.from])).toEqual([
      ['deps', '${NODE_IMAGE}'],
      ['runtime', '${NODE_IMAGE}'],
    ]);
  });

  it('installs production dependencies only, with the package.json of every workspace in place for npm ci', () => {
    const deps = dockerfile.stages[0]!.lines;
    expect(deps.find((l) => l.startsWith('RUN npm ci'))).toMatch(/^RUN npm ci --omit=dev /);
    const copied = deps.filter((l) => l.startsWith('COPY ')).flatMap((l) => l.split(' ').slice(1, -1));
    const workspaces = execFileSync('git', ['ls-files', ...rootPackage.workspaces.map((w) => `${w}/package.json`)], { cwd: REPO, encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(workspaces.length).toBeGreaterThanOrEqual(14);
    for (const file of ['package.json', 'package-lock.json', ...workspaces]) expect(copied, file).toContain(file);
  });

  it('runs as the non-root `node` user, which owns only the data directory where keys, tokens and cursors are written', () => {
    const runtime = dockerfile.stages[1]!.lines;
    const user = runtime.findIndex((l) => l === 'USER node');
    expect(user).toBeGreaterThan(runtime.map((l) => l.startsWith('RUN ')).lastIndexOf(true));
    expect(runtime.filter((l) => /chown/.test(l))).toEqual([expect.stringContaining('chown node:node /var/lib/omnigraph &&')]);
    const env = runtime.find((l) => l.startsWith('ENV '))!;
    for (const variable of [
      'OMNIGRAPH_KEY_STORE_FILE',
      'ALLEGRO_TOKEN_FILE',
      'ERP_FRESHNESS_CURSOR_FILE',
      'CRM_FRESHNESS_CURSOR_FILE',
      'MARKETPLACE_FRESHNESS_CURSOR_FILE',
    ]) {
      expect(env).toMatch(new RegExp(`${variable}=/var/lib/omnigraph/[a-z-]+\\.json`));
    }
    expect(env).toContain('NODE_ENV=production');
  });

  it('starts node directly as PID 1 and checks its health with node itself (no curl in slim images)', () => {
    const runtime = dockerfile.stages[1]!.lines;
    const cmd = JSON.parse(runtime.find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
    expect(cmd).toEqual(['node', 'gateway/src/index.ts']);
    const healthcheck = runtime.find((l) => l.startsWith('HEALTHCHECK '))!;
    const [, exec] = /CMD (\[.*\])$/.exec(healthcheck)!;
    expect((JSON.parse(exec!) as string[]).slice(0, 2)).toEqual(['node', '-e']);
    expect(runtime).toContain('STOPSIGNAL SIGTERM');
  });
});

describe('.dockerignore', () => {
  const ignore = dockerignore().add(read('.dockerignore'));

  it('keeps secrets, keys, tokens, cursors, dependencies, tests and CI files out of the build context', () => {
    const never = [
      '.env',
      '.env.local',
      'gateway/.env',
      'subgraphs/erp/.env.production',
      '.omnigraph-keys.json',
      'gateway/.omnigraph-keys.json',
      'subgraphs/marketplace/.omnigraph-allegro-token.json',
      '.omnigraph-allegro-token.json.123.tmp',
      '.omnigraph-freshness-erp.json',
      'packages/auth/.omnigraph-keys.json',
      'packages/shared/src/server.key',
      'gateway/tls.pem',
      'node_modules/zod/index.js',
      'gateway/node_modules/x/index.js',
      '.git/config',
      'bench/results/raw/run.json',
      'coverage/index.html',
      'gateway/coverage/lcov.info',
      'gateway/src/config.test.ts',
      'subgraphs/erp/test/erp-client.int.test.ts',
      'subgraphs/crm/test/crm-test-support.ts',
      'e2e/access-control.test.ts',
      '.ci/run',
      'docs/adr/0001-record-architecture-decisions.md',
      'deploy/kubernetes/base/gateway.yaml',
    ];
    expect(never.filter((path) => !ignore.ignores(path))).toEqual([]);
  });

  it('lets in every runtime source, schema and package file of the repository', () => {
    const files = execFileSync('git', ['ls-files', 'package.json', 'package-lock.json', 'gateway', 'packages', 'subgraphs', 'simulators', 'schema'], {
      cwd: REPO,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .filter((path) => !/\.test\.ts$|(^|\/)test\//.test(path));
    expect(files.length).toBeGreaterThan(200);
    expect(files.filter((path) => ignore.ignores(path))).toEqual([]);
    for (const path of ['gateway/src/index.ts', 'schema/supergraph.graphql', 'subgraphs/erp/package.json', 'package-lock.json']) {
      expect(files).toContain(path);
    }
  });
});
