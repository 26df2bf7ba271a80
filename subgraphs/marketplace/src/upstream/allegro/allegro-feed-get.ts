import { isAxiosError, type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { mapAxiosErrorToUpstreamError } from '@omnigraph/shared/errors';
import { ALLEGRO_MEDIA_TYPE } from './allegro-client.ts';
import type { AllegroTokenProvider } from './allegro-token-provider.ts';

/** One authorised, validated GET of an Allegro change feed. */
export type AllegroFeedGet = <T extends z.ZodType>(url: string, params: Record<string, string>, schema: T, operation: string) => Promise<z.infer<T>>;

/**
 * The change-feed pollers' GET (order events, offer events): the adapter's Accept header and token, and the adapter's
 * rule of one refresh on a 401 (the token expired between getAccessToken and the call); any failure becomes the
 * registry's UpstreamError for `operation`.
 */
export function createAllegroFeedGet(http: AxiosInstance, tokens: AllegroTokenProvider): AllegroFeedGet {
  return async (url, params, schema, operation) => {
    const send = async (token: string) =>
      schema.parse((await http.get<unknown>(url, { params, headers: { Accept: ALLEGRO_MEDIA_TYPE, Authorization: `Bearer ${token}` } })).data);
    try {
      const token = await tokens.getAccessToken();
      try {
        return await send(token);
      } catch (error) {
        if (!isAxiosError(error) || error.response?.status !== 401) throw error;
        tokens.invalidate(token);
        return await send(await tokens.getAccessToken());
      }
    } catch (error) {
      throw mapAxiosErrorToUpstreamError(error, { serviceName: 'marketplace', operation });
    }
  };
}
