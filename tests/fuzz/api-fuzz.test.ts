/**
 * The REST API under malformed requests: every route in the OpenAPI document gets generated
 * path parameters, query strings and bodies (wrong types, odd unicode, SQL fragments,
 * prototype keys, broken JSON, wrong content types). Requirement: never a 5xx, never a
 * crash; every refusal is a 4xx in the API's one error shape that says what was wrong.
 *
 * API_FUZZ_REQUESTS sets the count (default 3,000).
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../service/contract.js';
import { startTestVaka, type TestVaka } from '../helpers/test-vaka.js';

const TOTAL = Number(process.env.API_FUZZ_REQUESTS ?? 3000);

let t: TestVaka;
let routes: { method: string; path: string }[] = [];
let residentId = '';
beforeAll(async () => {
  t = await startTestVaka();
  const doc = (await t.vaka.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
      .map((method) => ({ method: method.toUpperCase(), path }))
      // Signing out would end the session the fuzzer sends, and every later request would stop at 401.
      .filter((route) => route.path !== '/api/v1/auth/logout'),
  );
  // One real resident, so some generated ids hit a row and the handlers past the lookup run.
  residentId = (await t.vaka.residents.create({ name: 'Fuzz', rooms: [{ name: 'Hall', kind: 'hall' }] })).id;
});
afterAll(() => t.stop());

const SQL = ["' OR '1'='1", "'; DROP TABLE residents; --", '1; SELECT pg_sleep(5)', '$1', '\\x00', '%00'];
const oddText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...SQL, '__proto__', 'constructor', '..%2F..%2Fetc%2Fpasswd', '🧓', 'A'.repeat(5000)),
);
const paramValue = fc.oneof(fc.uuid(), fc.constant(''), oddText, fc.integer().map(String));
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.oneof(
      fc.constantFrom('name', 'rooms', 'by', 'outcome', 'note', 'kind', 'until', 'text', 'address', 'format'),
      fc.constantFrom('__proto__', 'constructor'),
      fc.string({ maxLength: 8 }),
    ),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddText, fc.double(), fc.constant(null)),
    { maxKeys: 6 },
  ),
);
const body = fc.oneof(
  { weight: 6, arbitrary: jsonish.map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })) },
  { weight: 2, arbitrary: oddText.map((s) => ({ payload: s, type: 'application/json' })) },
  { weight: 1, arbitrary: oddText.map((s) => ({ payload: s, type: 'text/plain' })) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const query = fc
  .dictionary(
    fc.constantFrom('status', 'severity', 'residentId', 'limit', 'since', 'from', 'to', 'days', '__proto__'),
    oddText,
    { maxKeys: 3 },
  )
  .map((q) => new URLSearchParams(q).toString());

describe('REST API fuzzing', () => {
  it(`answers ${TOTAL.toLocaleString('en')} malformed requests with a 4xx that says what was wrong, never a 5xx`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.oneof(paramValue, fc.constant(residentId)), { minLength: 3, maxLength: 3 }),
        query,
        body,
        async (pick, params, qs, b) => {
          const route = routes[pick % routes.length];
          if (route === undefined) return;
          let i = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] ?? ''));
          // As the admin, so requests get past access control into validation and the handlers.
          const auth = { authorization: `Bearer ${t.admin.token}` };
          const res = await t.vaka.app.inject({
            method: route.method as 'GET',
            url: `${path}${qs ? `?${qs}` : ''}`,
            ...(b === undefined || route.method === 'GET'
              ? { headers: auth }
              : { payload: b.payload, headers: { ...auth, 'content-type': b.type } }),
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) {
            throw new Error(`${route.method} ${path}?${qs} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
          }
          if (res.statusCode >= 400) {
            const err = ApiError.safeParse(res.json());
            if (!err.success || err.data.message.length === 0) {
              throw new Error(`${route.method} ${path} → ${res.statusCode} without the error shape: ${res.body}`);
            }
          }
        },
      ),
      { numRuns: TOTAL, seed: Number(process.env.FUZZ_SEED ?? 20261125), endOnFailure: true },
    );
    // The generators reach both refusals and successes, so the handlers themselves ran.
    const counts = [...statuses.entries()];
    expect(counts.some(([s]) => s >= 400 && s < 500)).toBe(true);
    expect(counts.some(([s]) => s < 300)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (process.env.FUZZ_REPORT) {
      appendFileSync(
        process.env.FUZZ_REPORT,
        `${JSON.stringify({ suite: 'api', requests: TOTAL, routes: routes.length, statuses: Object.fromEntries(counts) })}\n`,
      );
    }
  }, 600_000);
});
