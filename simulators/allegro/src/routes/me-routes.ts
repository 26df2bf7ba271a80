import type { Route } from '@omnigraph/simulator-core';
import type { AllegroAuth } from '../allegro-auth.ts';
import { ok } from '../allegro-http.ts';
import { toMe } from '../allegro-mappers.ts';
import type { AllegroStore } from '../allegro-store.ts';
import { apiRoute } from './api-route.ts';

export function createMeRoutes(store: AllegroStore, auth: AllegroAuth): Route[] {
  return [
    apiRoute(auth, {
      method: 'GET',
      path: '/me',
      scope: 'allegro:api:profile:read',
      handler: () => ok(toMe(store.seller)),
    }),
  ];
}
