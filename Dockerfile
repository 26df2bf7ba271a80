# One image for every Omnigraph process (simulators, subgraphs, gateway); docker-compose.yml picks the entry point.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY gateway/package.json gateway/
COPY packages/shared/package.json packages/shared/
COPY subgraphs/erp/package.json subgraphs/erp/
COPY subgraphs/eshop/package.json subgraphs/eshop/
COPY subgraphs/crm/package.json subgraphs/crm/
COPY subgraphs/marketplace/package.json subgraphs/marketplace/
COPY simulators/core/package.json simulators/core/
COPY simulators/dataset/package.json simulators/dataset/
COPY simulators/odoo/package.json simulators/odoo/
COPY simulators/woocommerce/package.json simulators/woocommerce/
COPY simulators/hubspot/package.json simulators/hubspot/
COPY simulators/allegro/package.json simulators/allegro/
COPY simulators/stack/package.json simulators/stack/
RUN npm ci --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
USER node
