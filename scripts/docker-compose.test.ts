/**
 * docker-compose.yml cannot be run or even `docker compose config`-ed here (the machines have the Docker client
 * without its compose plugin and no engine), so this parses it as Compose does (YAML merge keys included) and checks
 * what a broken file would get wrong: entry points, health checks, start order, listen addresses, the observability
 * profile and its configuration files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(`${REPO}${path}`, 'utf8');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string | number | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  volumes?: string[];
  ports?: string[];
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const ROLES = {
  gateway: ['GATEWAY', 4000, 9400],
  erp: ['ERP', 4001, 9401],
  eshop: ['ESHOP', 4002, 9402],
  crm: ['CRM', 4003, 9403],
  marketplace: ['MARKETPLACE', 4004, 9404],
  commands: ['COMMANDS', 4005, 9405],
  pricing: ['PRICING', 4006, 9406],
} as const;
const ours = Object.entries(services).filter(([, s]) => s.build === '.');

describe('docker-compose.yml', () => {
  it('starts every Omnigraph process as `node <entry>.ts` (PID 1, drains on SIGTERM), never through npm, npx or tsx', () => {
    expect(ours.map(([name]) => name).sort()).toEqual([
      'allegro-simulator',
      'commands',
      'crm',
      'erp',
      'eshop',
      'gateway',
      'hubspot-simulator',
      'marketplace',
      'odoo-simulator',
      'pricing',
      'woocommerce-simulator',
    ]);
    for (const [name, service] of ours) {
      expect(service.command?.[0], name).toBe('node');
      expect(service.command, name).toHaveLength(2);
      expect(existsSync(`${REPO}${service.command![1]}`), `${name}: ${service.command![1]} exists`).toBe(true);
      // the drain (delay 5 s + grace 20 s) must fit before Docker's SIGKILL
      expect(Number.parseInt(service.stop_grace_period ?? '10s', 10), name).toBeGreaterThan(25);
    }
  });

  it('health-checks every service of the default profile and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.profiles !== undefined) continue;
      expect(service.healthcheck?.test[0], `${name} has a healthcheck`).toBe('CMD');
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
        expect(services[dependency]?.healthcheck, `${dependency} has a healthcheck`).toBeDefined();
      }
    }
    expect(Object.keys(services['gateway']!.depends_on!).sort()).toEqual(['commands', 'crm', 'erp', 'eshop', 'marketplace', 'pricing', 'redis']);
  });

  it('listens on every interface, metrics on their own port, and checks /healthz on the port the process listens on', () => {
    for (const [role, [prefix, port, metricsPort]] of Object.entries(ROLES)) {
      const env = services[role]!.environment!;
      expect(env[`${prefix}_HOST`], role).toBe('0.0.0.0');
      expect(env[`${prefix}_METRICS_HOST`], role).toBe('0.0.0.0');
      expect(env[`${prefix}_PORT`], role).toBe(port);
      expect(env[`${prefix}_METRICS_PORT`], role).toBe(metricsPort);
      expect(env['HEALTHCHECK_PORT'], role).toBe(port);
      expect(services[role]!.healthcheck!.test.join(' '), role).toContain(`http://127.0.0.1:${port}/healthz`);
      // present without a value: set only by deploy/compose/observability.env
      expect(env, role).toHaveProperty('OTEL_EXPORTER_OTLP_ENDPOINT', null);
      expect(env['OMNIGRAPH_SUBGRAPH_SECRET'], role).toMatch(/^\$\{OMNIGRAPH_SUBGRAPH_SECRET:\?/);
    }
    // only the gateway's GraphQL port is published; metrics stay inside the compose network
    for (const [name, service] of ours) expect(service.ports ?? [], name).toEqual(name === 'gateway' ? ['4000:4000'] : []);
  });

  it('keeps the rotating Allegro grant in Redis, where a restarted container finds it', () => {
    expect(services['marketplace']!.environment!['ALLEGRO_TOKEN_STORE']).toBe('redis');
  });

  it('has an observability profile: Prometheus scraping every metrics port and a collector receiving OTLP', () => {
    for (const name of ['prometheus', 'otel-collector']) {
      expect(services[name]!.profiles, name).toEqual(['observability']);
      for (const volume of services[name]!.volumes!) {
        const host = volume.split(':')[0]!;
        expect(existsSync(`${REPO}${host.replace(/^\.\//, '')}`), `${name} mounts ${host}`).toBe(true);
      }
    }
    const prometheus = parse(read('deploy/compose/prometheus.yml')) as {
      scrape_configs: { metrics_path: string; static_configs: { targets: string[] }[] }[];
    };
    const targets = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((c) => c.targets));
    expect(targets.sort()).toEqual(
      Object.entries(ROLES)
        .map(([role, [, , metricsPort]]) => `${role}:${metricsPort}`)
        .sort(),
    );
    expect(prometheus.scrape_configs.every((job) => job.metrics_path === '/metrics')).toBe(true);

    const collector = parse(read('deploy/compose/otel-collector.yaml')) as {
      receivers: { otlp: { protocols: { http: { endpoint: string } } } };
      service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
      exporters: Record<string, unknown>;
    };
    expect(collector.service.pipelines.traces.receivers).toContain('otlp');
    for (const exporter of collector.service.pipelines.traces.exporters) expect(collector.exporters).toHaveProperty(exporter);
    const httpPort = collector.receivers.otlp.protocols.http.endpoint.split(':')[1];

    const profileEnv = Object.fromEntries(
      read('deploy/compose/observability.env')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => line.split('=', 2) as [string, string]),
    );
    expect(profileEnv).toEqual({ COMPOSE_PROFILES: 'observability', OTEL_EXPORTER_OTLP_ENDPOINT: `http://otel-collector:${httpPort}` });
  });
});
