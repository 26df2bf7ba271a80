import type { Route } from './simulator-types.ts';

interface CompiledRoute {
  route: Route;
  name: string;
  pattern: RegExp;
  paramNames: string[];
}

export interface RouteMatch {
  route: Route;
  name: string;
  params: Record<string, string>;
}

export interface Router {
  match(method: string, path: string): RouteMatch | null;
  /** true when the path exists under another method, so the caller can answer 405 instead of 404 */
  hasPath(path: string): boolean;
}

function compile(route: Route): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '(.*)';
      if (segment.startsWith(':')) {
        paramNames.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  if (route.path.endsWith('*')) paramNames.push('rest');
  // Real servers accept a trailing slash on collection paths (WordPress does), so we do too.
  return { route, name: route.name ?? `${route.method} ${route.path}`, pattern: new RegExp(`^${source}/?$`), paramNames };
}

export function createRouter(routes: readonly Route[]): Router {
  const compiled = routes.map(compile);
  return {
    match(method, path) {
      for (const c of compiled) {
        if (c.route.method !== method) continue;
        const m = c.pattern.exec(path);
        if (!m) continue;
        const params: Record<string, string> = {};
        c.paramNames.forEach((name, i) => {
          const raw = m[i + 1] ?? '';
          try {
            params[name] = decodeURIComponent(raw);
          } catch {
            params[name] = raw;
          }
        });
        return { route: c.route, name: c.name, params };
      }
      return null;
    },
    hasPath(path) {
      return compiled.some((c) => c.pattern.test(path));
    },
  };
}
