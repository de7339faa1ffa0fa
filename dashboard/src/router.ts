/**
 * The dashboard's pages as hash routes (#/residents/…), so the service serves one index.html
 * and a reload or a bookmark lands on the same page. Pure parsing here; use-route.ts listens.
 */

export type Route =
  | { page: 'alerts' }
  | { page: 'residents' }
  | { page: 'resident'; id: string }
  | { page: 'sensors' }
  | { page: 'onboarding' }
  | { page: 'health' }
  | { page: 'accounts' };

export type Page = Route['page'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIMPLE: Record<string, Route> = {
  '': { page: 'alerts' },
  alerts: { page: 'alerts' },
  residents: { page: 'residents' },
  sensors: { page: 'sensors' },
  onboarding: { page: 'onboarding' },
  health: { page: 'health' },
  accounts: { page: 'accounts' },
};

/** The route of a location hash ("#/residents/…"); anything unknown is null (shown as "not found"). */
export function parseRoute(hash: string): Route | null {
  // A plain in-page anchor ("#alerts-heading") is not a route: stay on the alerts page.
  if (hash !== '' && !hash.startsWith('#/')) return { page: 'alerts' };
  const parts = hash
    .replace(/^#\/?/, '')
    .split('?')[0]
    ?.split('/')
    .filter((p) => p !== '') ?? [''];
  const [first = '', second, ...rest] = parts;
  if (rest.length > 0) return null;
  if (second === undefined) return SIMPLE[first] ?? null;
  if (first === 'residents' && UUID.test(second)) return { page: 'resident', id: second.toLowerCase() };
  return null;
}

export function hrefOf(route: Route): string {
  return route.page === 'resident' ? `#/residents/${route.id}` : `#/${route.page === 'alerts' ? '' : route.page}`;
}

/** The navigation entry a page belongs to (a resident's page is under residents). */
export function sectionOf(route: Route | null): Page | null {
  if (route === null) return null;
  return route.page === 'resident' ? 'residents' : route.page;
}
