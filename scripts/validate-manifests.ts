/**
 * `npm run manifests:check`: renders the Kustomize base and every overlay under deploy/kubernetes offline, validates
 * every object against the Kubernetes API schemas (kubernetes-models: validators generated from the upstream OpenAPI
 * spec) and for unknown fields (scripts/manifests/check-unknown-fields.ts), then checks the rules a schema cannot
 * express: probes, drain timing, security context, writable paths, selectors that select something, secrets only by
 * reference. Prints every problem at once; exits 1 if any.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type LabelledObject, unknownFieldProblems } from './manifests/check-unknown-fields.ts';
import { type K8sObject, KustomizeError, renderKustomization } from './manifests/render-kustomization.ts';

/** The processes of the product (the simulators are demo-only and have no /healthz or drain settings). */
const ROLES: Record<string, string> = {
  gateway: 'GATEWAY',
  erp: 'ERP',
  eshop: 'ESHOP',
  crm: 'CRM',
  marketplace: 'MARKETPLACE',
  commands: 'COMMANDS',
  pricing: 'PRICING',
};
const DEFAULT_SHUTDOWN_DELAY_MS = 5_000;
const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;
/** Where the processes write (key, token and cursor files): the image's data directory. */
const DATA_DIR = '/var/lib/omnigraph';
const SECRET_NAME = /(SECRET|TOKEN|PASSWORD|PEPPER|API_KEY|CONSUMER_KEY|PRIVATE_KEY)$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** Schema validation of one object with the model of its apiVersion and kind; unknown kinds are a problem. */
async function schemaProblems(o: K8sObject): Promise<string[]> {
  let Model: ModelClass | undefined;
  try {
    const module = (await import(/* @vite-ignore */ `kubernetes-models/${o.apiVersion}/${o.kind}`)) as Record<string, ModelClass>;
    Model = module[o.kind];
  } catch {
    Model = undefined;
  }
  if (Model === undefined) return [`unknown apiVersion/kind ${o.apiVersion} ${o.kind}`];
  try {
    new Model(o).validate();
    return [];
  } catch (error) {
    return [`schema: ${(error as Error).message}`];
  }
}

function selects(selector: Obj, labels: Obj): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** Every problem of one rendered set of objects (one overlay), as `Kind/name: message`. */
export async function validateObjects(objects: K8sObject[]): Promise<string[]> {
  const problems: string[] = [];
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const configMaps = new Map(byKind('ConfigMap').map((c) => [c.metadata.name, obj(c['data'])]));
  const deployments = byKind('Deployment');
  const podLabels = (d: K8sObject) => obj(obj(obj(d['spec'])['template'])['metadata'])['labels'];

  for (const o of objects) {
    const id = `${o.kind}/${o.metadata.name}`;
    const report = (message: string) => problems.push(`${id}: ${message}`);
    for (const p of await schemaProblems(o)) report(p);

    if (o.kind === 'Secret') report('Secrets are created by the operator (README "Run on Kubernetes"), never committed');
    if (o.kind === 'ConfigMap') {
      for (const key of Object.keys(obj(o['data']))) if (SECRET_NAME.test(key)) report(`${key} looks like a secret: use the Secret \`omnigraph\``);
    }
    if (o.kind === 'Deployment') checkDeployment(o, configMaps, report);
    if (o.kind === 'Service') {
      const selector = obj(obj(o['spec'])['selector']);
      const targets = deployments.filter((d) => selects(selector, obj(podLabels(d))));
      if (targets.length === 0) report('its selector matches no Deployment');
      const portNames = new Set(
        targets.flatMap((d) =>
          list(obj(obj(obj(d['spec'])['template'])['spec'])['containers']).flatMap((c) => list(obj(c)['ports']).map((p) => obj(p)['name'])),
        ),
      );
      for (const port of list(obj(o['spec'])['ports'])) {
        const target = obj(port)['targetPort'];
        if (typeof target === 'string' && targets.length > 0 && !portNames.has(target)) report(`targetPort ${target} is no container port`);
      }
      const role = roleOf(o);
      if (role !== undefined && !list(obj(o['spec'])['ports']).some((p) => obj(p)['name'] === 'metrics')) report('no port named metrics');
    }
    if (o.kind === 'PodDisruptionBudget') {
      const selector = obj(obj(obj(o['spec'])['selector'])['matchLabels']);
      if (!deployments.some((d) => selects(selector, obj(podLabels(d))))) report('its selector matches no Deployment');
    }
    if (o.kind === 'HorizontalPodAutoscaler') {
      const spec = obj(o['spec']);
      const ref = obj(spec['scaleTargetRef']);
      if (ref['kind'] !== 'Deployment' || !deployments.some((d) => d.metadata.name === ref['name']))
        report(`scaleTargetRef ${String(ref['kind'])}/${String(ref['name'])} does not exist`);
      if (Number(spec['minReplicas'] ?? 1) > Number(spec['maxReplicas'])) report('minReplicas above maxReplicas');
    }
    if (o.kind === 'Ingress') {
      for (const rule of list(obj(o['spec'])['rules'])) {
        for (const path of list(obj(obj(rule)['http'])['paths'])) {
          const service = obj(obj(obj(path)['backend'])['service']);
          const port = obj(service['port']);
          if (!objects.some((s) => s.kind === 'Service' && s.metadata.name === service['name']))
            report(`backend Service ${String(service['name'])} does not exist`);
          if (port['name'] === 'metrics') report('the metrics port must not be published');
        }
      }
    }
  }

  // every product process present in this overlay comes with its Service, PodDisruptionBudget and autoscaler
  for (const d of deployments) {
    const role = roleOf(d);
    if (role === undefined) continue;
    for (const kind of ['Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler']) {
      if (!objects.some((o) => o.kind === kind && o.metadata.name === d.metadata.name)) problems.push(`Deployment/${d.metadata.name}: no ${kind}`);
    }
  }
  return problems;
}

function roleOf(o: K8sObject): string | undefined {
  const component = obj(o.metadata['labels'])['app.kubernetes.io/component'];
  return typeof component === 'string' && component in ROLES ? component : undefined;
}

function checkDeployment(d: K8sObject, configMaps: Map<string, Obj>, report: (message: string) => void): void {
  const pod = obj(obj(obj(d['spec'])['template'])['spec']);
  const role = roleOf(d);
  const volumes = new Map(list(pod['volumes']).map((v) => [obj(v)['name'], obj(v)]));
  const podSecurity = obj(pod['securityContext']);
  if (role !== undefined && list(pod['topologySpreadConstraints']).length === 0) report('no topologySpreadConstraints');

  for (const raw of list(pod['containers'])) {
    const c = obj(raw);
    const where = `container ${String(c['name'])}`;
    const command = [...list(c['command']), ...list(c['args'])].map(String);
    if (command[0] !== 'node') report(`${where}: must start \`node <entry>.ts\` as PID 1 (command: ${JSON.stringify(command)})`);
    if (command.some((part) => /(^|\/)(npm|npx|tsx)$/.test(part)))
      report(`${where}: never npm, npx or tsx: they do not forward SIGTERM, and tsx is not in the image`);

    // the environment the process sees: ConfigMaps first, then env (which wins)
    const env = new Map<string, string>();
    for (const from of list(c['envFrom'])) {
      const name = obj(obj(from)['configMapRef'])['name'];
      if (name === undefined) continue;
      const data = configMaps.get(String(name));
      if (data === undefined) report(`${where}: envFrom ConfigMap ${String(name)} does not exist`);
      else for (const [k, v] of Object.entries(data)) env.set(k, String(v));
    }
    for (const raw of list(c['env'])) {
      const e = obj(raw);
      const name = String(e['name']);
      if ('value' in e) {
        if (SECRET_NAME.test(name)) report(`${where}: ${name} is a literal: secrets come from a secretKeyRef`);
        env.set(name, String(e['value']));
      }
      const ref = obj(obj(e['valueFrom'])['configMapKeyRef']);
      if (ref['name'] !== undefined && !configMaps.has(String(ref['name']))) report(`${where}: ConfigMap ${String(ref['name'])} does not exist`);
    }

    const ports = new Set(list(c['ports']).map((p) => obj(p)['name']));
    const probes = { startupProbe: '/healthz', livenessProbe: '/healthz', readinessProbe: '/readyz' } as const;
    for (const [probe, path] of Object.entries(probes)) {
      const httpGet = obj(obj(c[probe])['httpGet']);
      if (Object.keys(httpGet).length === 0) {
        report(`${where}: no ${probe} (httpGet)`);
        continue;
      }
      // the gateway's load-balancer probe asks about the process only (`?scope=self`): see docs/operations.md
      const allowed = probe === 'readinessProbe' && role === 'gateway' ? [path, `${path}?scope=self`] : [path];
      if (role !== undefined && !allowed.includes(String(httpGet['path'])))
        report(`${where}: ${probe} must ask ${path}, not ${String(httpGet['path'])}`);
      if (typeof httpGet['port'] === 'string' && !ports.has(httpGet['port']))
        report(`${where}: ${probe} port ${httpGet['port']} is no container port`);
    }

    const resources = obj(c['resources']);
    for (const [group, key] of [
      ['requests', 'cpu'],
      ['requests', 'memory'],
      ['limits', 'memory'],
    ] as const) {
      if (obj(resources[group])[key] === undefined) report(`${where}: no resources.${group}.${key}`);
    }

    const security = obj(c['securityContext']);
    if (security['allowPrivilegeEscalation'] !== false) report(`${where}: allowPrivilegeEscalation must be false`);
    if (security['readOnlyRootFilesystem'] !== true) report(`${where}: readOnlyRootFilesystem must be true`);
    if (!list(obj(security['capabilities'])['drop']).includes('ALL')) report(`${where}: capabilities must drop ALL`);
    if ((security['runAsNonRoot'] ?? podSecurity['runAsNonRoot']) !== true) report(`${where}: runAsNonRoot must be true`);
    if (security['privileged'] === true) report(`${where}: privileged`);

    if (role === undefined) continue;
    const prefix = ROLES[role]!;
    for (const host of [`${prefix}_HOST`, `${prefix}_METRICS_HOST`]) {
      if (env.get(host) !== '0.0.0.0') report(`${where}: ${host} must be 0.0.0.0 in a pod (the default is loopback)`);
    }
    const mount = list(c['volumeMounts'])
      .map(obj)
      .find((m) => m['mountPath'] === DATA_DIR);
    const volume = mount === undefined ? undefined : volumes.get(mount['name']);
    if (mount === undefined || mount['readOnly'] === true) report(`${where}: ${DATA_DIR} (key, token and cursor files) must be a writable mount`);
    else if (volume === undefined || !('emptyDir' in volume || 'persistentVolumeClaim' in volume))
      report(`${where}: ${DATA_DIR} needs an emptyDir or a volume claim`);

    const delay = Number(env.get(`${prefix}_SHUTDOWN_DELAY_MS`) ?? DEFAULT_SHUTDOWN_DELAY_MS);
    const grace = Number(env.get(`${prefix}_SHUTDOWN_GRACE_MS`) ?? DEFAULT_SHUTDOWN_GRACE_MS);
    const period = Number(pod['terminationGracePeriodSeconds'] ?? 30);
    if (period * 1000 <= delay + grace) {
      report(
        `terminationGracePeriodSeconds ${period} must exceed ${prefix}_SHUTDOWN_DELAY_MS + ${prefix}_SHUTDOWN_GRACE_MS (${(delay + grace) / 1000} s), or Kubernetes kills the drain`,
      );
    }
  }
}

/** The base and every overlay below `root` (deploy/kubernetes): each rendered and checked on its own. */
export async function validateKustomizeTree(root: string): Promise<{ rendered: Record<string, number>; problems: string[] }> {
  const dirs = [join(root, 'base')];
  const overlays = join(root, 'overlays');
  for (const name of readdirSync(overlays).sort()) if (statSync(join(overlays, name)).isDirectory()) dirs.push(join(overlays, name));
  const rendered: Record<string, number> = {};
  const problems: string[] = [];
  const all: LabelledObject[] = [];
  for (const dir of dirs) {
    const label = relative(root, dir);
    try {
      const objects = renderKustomization(dir);
      rendered[label] = objects.length;
      const found = await validateObjects(objects);
      problems.push(...found.map((p) => `${label}: ${p}`));
      all.push(...objects.map((object) => ({ label, object })));
    } catch (error) {
      // a broken kustomization or a missing file: reported like any other problem
      if (!(error instanceof KustomizeError) && !(error instanceof Error && 'code' in error)) throw error;
      problems.push(`${label}: ${(error as Error).message}`);
    }
  }
  // the first unknown field of each object, for every overlay at once (one TypeScript program)
  problems.push(...unknownFieldProblems(all));
  return { rendered, problems };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] ?? 'deploy/kubernetes');
  const { rendered, problems } = await validateKustomizeTree(root);
  for (const [dir, count] of Object.entries(rendered)) console.log(`${dir}: ${count} objects rendered`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in ${relative(process.cwd(), root) || root}:`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log('Kubernetes manifests valid (schemas of kubernetes-models, deployment rules)');
}
