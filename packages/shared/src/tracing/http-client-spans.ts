import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import type { AxiosError, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { endpointTemplate } from '../logging/endpoint-template.ts';
import { isTracingEnabled } from './tracing-state.ts';
import { tracer } from './tracer.ts';
import { currentUpstreamCall, UPSTREAM_ATTRIBUTES } from './upstream-spans.ts';

/**
 * `url.template` (semantic conventions, HTTP client spans): the path with its variable parts replaced. Ours is
 * derived (see endpointTemplate), never the raw path, which can hold an e-mail address. There is deliberately no
 * `url.full` and no query string.
 */
export const ATTR_URL_TEMPLATE = 'url.template';

const spans = new WeakMap<InternalAxiosRequestConfig, Span>();

/**
 * A CLIENT span per HTTP request an axios instance sends (`GET /crm/v3/objects/contacts/{id}`), with the W3C
 * `traceparent` of that span in the request's headers, so an upstream that traces continues our trace. Attributes:
 * method, server address and port, endpoint template, status code, `http.request.resend_count` for a retry of the
 * same upstream call, `error.type`. Interceptors run synchronously and, tracing off, return the config untouched.
 */
export function instrumentHttpClient(http: AxiosInstance): void {
  http.interceptors.request.use(
    (config) => {
      if (!isTracingEnabled()) return config;
      const method = (config.method ?? 'get').toUpperCase();
      const target = safeUrl(config.url, config.baseURL);
      const template = endpointTemplate(target?.pathname ?? config.url);
      const call = currentUpstreamCall();
      const resends = call === undefined ? 0 : call.requests++;
      const span = tracer().startSpan(`${method} ${template}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: method,
          [ATTR_URL_TEMPLATE]: template,
          ...(target === undefined ? {} : { [ATTR_SERVER_ADDRESS]: target.hostname, [ATTR_SERVER_PORT]: portOf(target) }),
          ...(resends > 0 ? { [ATTR_HTTP_REQUEST_RESEND_COUNT]: resends } : {}),
          ...(call === undefined ? {} : { [UPSTREAM_ATTRIBUTES.operation]: call.operation }),
        },
      });
      spans.set(config, span);
      const carrier: Record<string, string> = {};
      propagation.inject(trace.setSpan(context.active(), span), carrier);
      for (const [key, value] of Object.entries(carrier)) config.headers.set(key, value);
      return config;
    },
    undefined,
    { synchronous: true },
  );
  http.interceptors.response.use(
    (response: AxiosResponse) => {
      const span = spans.get(response.config);
      if (span !== undefined) {
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
        span.end();
      }
      return response;
    },
    (error: AxiosError) => {
      const span = error.config === undefined ? undefined : spans.get(error.config);
      if (span !== undefined) {
        const status = error.response?.status;
        if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        // semantic conventions: the status code as error.type when there is one, else the failure's own code
        span.setAttribute(ATTR_ERROR_TYPE, status !== undefined ? String(status) : (error.code ?? 'Error'));
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      return Promise.reject(error);
    },
  );
}

function safeUrl(url: string | undefined, base: string | undefined): URL | undefined {
  try {
    return new URL(url ?? '', base);
  } catch {
    return undefined;
  }
}

function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}
