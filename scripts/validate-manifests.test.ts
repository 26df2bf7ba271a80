import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validateKustomizeTree } from './validate-manifests.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const MANIFESTS = join(REPO, 'deploy/kubernetes');

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of deploy/kubernetes with one file edited; fails the test if the edit does not apply. */
function brokenCopy(file: string, from: string | RegExp, to: string): string {
  const root = mkdtempSync(join(tmpdir(), 'manifests-'));
  copies.push(root);
  cpSync(MANIFESTS, root, { recursive: true });
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `edit of ${file} applies`).not.toBe(text);
  writeFileSync(path, edited);
  return root;
}

describe('npm run manifests:check', () => {
  it('renders the base and every overlay and finds no problem in the committed manifests', async () => {
    const { rendered, problems } = await validateKustomizeTree(MANIFESTS);
    expect(problems).toEqual([]);
    // gateway + 6 subgraphs × (Deployment, Service, PDB, HPA) + ConfigMap; the demo adds 4 simulators × 2
    expect(rendered).toEqual({ base: 29, 'overlays/demo': 37, 'overlays/production': 30 });
  });

  it('rejects a value of the wrong type against the Kubernetes schema', async () => {
    const root = brokenCopy('base/erp.yaml', '{ name: http, containerPort: 4001 }', '{ name: http, containerPort: "http" }');
    const { problems } = await validateKustomizeTree(root);
    expect(problems).toContainEqual(expect.stringMatching(/^overlays\/production: Deployment\/erp: schema: .*containerPort must be integer/));
  });

  it('rejects a missing required field and an unknown kind', async () => {
    const noSelector = brokenCopy('base/crm.yaml', / {2}scaleTargetRef: .*\n/, '');
    expect((await validateKustomizeTree(noSelector)).problems).toContainEqual(
      expect.stringMatching(/HorizontalPodAutoscaler\/crm: schema: .*must have required property scaleTargetRef/),
    );
    const unknown = brokenCopy('base/gateway.yaml', 'kind: PodDisruptionBudget', 'kind: PodDisruptionBudgets');
    expect((await validateKustomizeTree(unknown)).problems).toContainEqual(
      expect.stringMatching(/unknown apiVersion\/kind policy\/v1 PodDisruptionBudgets/),
    );
  });

  it('rejects a misspelt field, which the API server would drop without a word', async () => {
    const typo = brokenCopy('base/gateway.yaml', 'revisionHistoryLimit: 5', 'revisionHistoryLimit: 5\n  minReadySecond: 5');
    expect((await validateKustomizeTree(typo)).problems).toContainEqual(
      expect.stringMatching(/^overlays\/production: Deployment\/gateway: unknown field: .*minReadySecond.* does not exist/),
    );
  });

  it('rejects a drain that Kubernetes would cut short, a missing probe and a root filesystem that is writable', async () => {
    const shortGrace = brokenCopy('base/gateway.yaml', 'terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 20');
    expect((await validateKustomizeTree(shortGrace)).problems).toContainEqual(
      expect.stringContaining(
        'Deployment/gateway: terminationGracePeriodSeconds 20 must exceed GATEWAY_SHUTDOWN_DELAY_MS + GATEWAY_SHUTDOWN_GRACE_MS (25 s)',
      ),
    );
    const longerGrace = brokenCopy('base/configmap.yaml', 'ERP_SHUTDOWN_GRACE_MS: "20000"', 'ERP_SHUTDOWN_GRACE_MS: "40000"');
    expect((await validateKustomizeTree(longerGrace)).problems).toContainEqual(
      expect.stringContaining('Deployment/erp: terminationGracePeriodSeconds 30 must exceed'),
    );
    const noReadiness = brokenCopy('base/eshop.yaml', 'readinessProbe:', 'readinessProbeX:');
    expect((await validateKustomizeTree(noReadiness)).problems).toContainEqual(
      expect.stringContaining('Deployment/eshop: container eshop: no readinessProbe'),
    );
    const writable = brokenCopy('base/marketplace.yaml', 'readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false');
    expect((await validateKustomizeTree(writable)).problems).toContainEqual(expect.stringContaining('readOnlyRootFilesystem must be true'));
  });

  it('rejects npx as the entry point, a literal secret, a committed Secret and a loopback listener', async () => {
    const npx = brokenCopy(
      'base/crm.yaml',
      'command: ["node", "subgraphs/crm/src/index.ts"]',
      'command: ["npx", "tsx", "subgraphs/crm/src/index.ts"]',
    );
    expect((await validateKustomizeTree(npx)).problems).toContainEqual(expect.stringContaining('never npm, npx or tsx'));
    const literal = brokenCopy(
      'base/erp.yaml',
      /- name: ODOO_API_KEY\n\s+valueFrom:\n\s+secretKeyRef: \{[^}]+\}/,
      '- name: ODOO_API_KEY\n              value: odoo-simulator-api-key',
    );
    expect((await validateKustomizeTree(literal)).problems).toContainEqual(expect.stringContaining('ODOO_API_KEY is a literal'));
    const secret = brokenCopy('overlays/demo/kustomization.yaml', '  - simulators.yaml\n', '  - simulators.yaml\n  - secret.yaml\n');
    writeFileSync(
      join(secret, 'overlays/demo/secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata: { name: omnigraph }\nstringData: { OMNIGRAPH_API_KEY_PEPPER: x }\n',
    );
    expect((await validateKustomizeTree(secret)).problems).toContainEqual(
      expect.stringContaining('overlays/demo: Secret/omnigraph: Secrets are created by the operator'),
    );
    const loopback = brokenCopy('base/configmap.yaml', 'GATEWAY_METRICS_HOST: 0.0.0.0', 'GATEWAY_METRICS_HOST: 127.0.0.1');
    expect((await validateKustomizeTree(loopback)).problems).toContainEqual(expect.stringContaining('GATEWAY_METRICS_HOST must be 0.0.0.0'));
  });

  it('rejects a Service that selects nothing and an Ingress to the metrics port', async () => {
    const selector = brokenCopy('base/eshop.yaml', /(kind: Service[\s\S]*?component: )eshop(\n {2}ports)/, '$1e-shop$2');
    expect((await validateKustomizeTree(selector)).problems).toContainEqual(
      expect.stringContaining('Service/eshop: its selector matches no Deployment'),
    );
    const metrics = brokenCopy('overlays/production/ingress.yaml', 'port: { name: http }', 'port: { name: metrics }');
    expect((await validateKustomizeTree(metrics)).problems).toContainEqual(expect.stringContaining('the metrics port must not be published'));
  });

  it('exits 1 and lists the problems when run as the CI step', () => {
    const root = brokenCopy('base/gateway.yaml', 'terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 5');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(REPO, 'scripts/validate-manifests.ts'), root], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain('Deployment/gateway: terminationGracePeriodSeconds 5 must exceed');
  });
});
