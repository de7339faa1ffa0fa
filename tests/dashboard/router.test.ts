import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route, sectionOf } from '../../dashboard/src/router.js';

const ID = '10000000-0000-4000-8000-000000000001';

describe('hash routes', () => {
  it('open the alerts page with no hash, and each page by its name', () => {
    expect(parseRoute('')).toEqual({ page: 'alerts' });
    expect(parseRoute('#/')).toEqual({ page: 'alerts' });
    expect(parseRoute('#/residents')).toEqual({ page: 'residents' });
    expect(parseRoute('#/sensors/')).toEqual({ page: 'sensors' });
    expect(parseRoute('#/onboarding')).toEqual({ page: 'onboarding' });
    expect(parseRoute('#/health?x=1')).toEqual({ page: 'health' });
    expect(parseRoute('#/accounts')).toEqual({ page: 'accounts' });
  });

  it('open a resident’s page by id, and nothing for a malformed id or an unknown page', () => {
    expect(parseRoute(`#/residents/${ID}`)).toEqual({ page: 'resident', id: ID });
    expect(parseRoute(`#/residents/${ID.toUpperCase()}`)).toEqual({ page: 'resident', id: ID });
    expect(parseRoute('#/residents/42')).toBeNull();
    expect(parseRoute(`#/residents/${ID}/more`)).toBeNull();
    expect(parseRoute('#/nowhere')).toBeNull();
  });

  it('treat an in-page anchor as the alerts page rather than an unknown page', () => {
    expect(parseRoute('#alerts-heading')).toEqual({ page: 'alerts' });
  });

  it('round-trip through their links, and a resident’s page is under residents in the navigation', () => {
    const routes: Route[] = [
      { page: 'alerts' },
      { page: 'residents' },
      { page: 'resident', id: ID },
      { page: 'sensors' },
      { page: 'onboarding' },
      { page: 'health' },
      { page: 'accounts' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    // The admins' page keeps the address it had before it moved into the app shell (bookmarks).
    expect(hrefOf({ page: 'accounts' })).toBe('#/accounts');
    expect(sectionOf({ page: 'resident', id: ID })).toBe('residents');
    expect(sectionOf(null)).toBeNull();
  });
});
