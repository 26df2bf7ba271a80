# syntax=docker/dockerfile:1
# One image for every Omnigraph process (gateway, subgraphs, simulators); docker-compose.yml and the Kubernetes
# manifests pick the entry point. Node 24 runs the TypeScript sources directly (type stripping): no build step, no
# tsx, no dev dependencies in the image (docs/adr/0007-node-24-type-stripping-and-deployment.md).
# The minor is pinned so a rebuild does not change Node under us; keep it in step with the `node` dev dependency.
ARG NODE_IMAGE=node:24.21-trixie-slim

# --- production dependencies only --------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY gateway/package.json gateway/
COPY packages/auth/package.json packages/auth/
COPY packages/shared/package.json packages/shared/
COPY subgraphs/erp/package.json subgraphs/erp/
COPY subgraphs/eshop/package.json subgraphs/eshop/
COPY subgraphs/crm/package.json subgraphs/crm/
COPY subgraphs/marketplace/package.json subgraphs/marketplace/
COPY subgraphs/commands/package.json subgraphs/commands/
COPY subgraphs/pricing/package.json subgraphs/pricing/
COPY simulators/core/package.json simulators/core/
COPY simulators/dataset/package.json simulators/dataset/
COPY simulators/odoo/package.json simulators/odoo/
COPY simulators/woocommerce/package.json simulators/woocommerce/
COPY simulators/hubspot/package.json simulators/hubspot/
COPY simulators/allegro/package.json simulators/allegro/
COPY simulators/stack/package.json simulators/stack/
# the typed client is for frontends, not the image: only its package.json, so npm ci sees every workspace of the lock
COPY clients/typescript/package.json clients/typescript/
# --omit=dev also leaves out the `node` dev dependency (the base image is Node 24). No production dependency needs an
# install script (protobufjs' postinstall only checks versions), so none runs in the build.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# --- runtime -----------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# The only files the processes write (API keys and the rotating Allegro grant without Redis, change-feed cursors
# without Redis) live in one directory the `node` user owns: a volume here, an emptyDir in Kubernetes, where the root
# filesystem is read-only. Code and dependencies stay root-owned. HEALTHCHECK_PORT is the port HEALTHCHECK asks: the
# service's own <ROLE>_PORT (docker-compose.yml sets it per service).
ENV NODE_ENV=production \
    OMNIGRAPH_KEY_STORE_FILE=/var/lib/omnigraph/omnigraph-keys.json \
    ALLEGRO_TOKEN_FILE=/var/lib/omnigraph/allegro-token.json \
    ERP_FRESHNESS_CURSOR_FILE=/var/lib/omnigraph/freshness-erp.json \
    CRM_FRESHNESS_CURSOR_FILE=/var/lib/omnigraph/freshness-crm.json \
    MARKETPLACE_FRESHNESS_CURSOR_FILE=/var/lib/omnigraph/freshness-marketplace.json \
    HEALTHCHECK_PORT=4000
WORKDIR /app
# node_modules at the root and the subgraphs' nested ones (the workspace links in node_modules/@omnigraph point into
# the sources copied next)
COPY --from=deps /app/ ./
# .dockerignore is an allowlist: sources, schema and package files; never .env*, key, token or cursor files
COPY . .
RUN mkdir -p /var/lib/omnigraph \
 && chown node:node /var/lib/omnigraph \
 && chmod 0700 /var/lib/omnigraph
USER node
VOLUME ["/var/lib/omnigraph"]
EXPOSE 4000 4001 4002 4003 4004 4005 4006 9400 9401 9402 9403 9404 9405 9406
# No curl in slim images: Node asks /healthz itself (fetch, 2 s timeout).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTHCHECK_PORT}/healthz`,{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node is PID 1 and drains on SIGTERM itself (the service kit); never start a process through npm or npx, which do
# not forward the signal. Each service overrides CMD with its entry point.
STOPSIGNAL SIGTERM
CMD ["node", "gateway/src/index.ts"]
