import { describe, expect, it } from 'vitest';
import { ApiRequestError, createApi } from '../../dashboard/src/api.js';

type Call = { url: string; init: RequestInit | undefined };

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fetchImpl = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  };
  return { calls, fetchImpl };
}

const apiError = (statusCode: number, message: string) => ({ statusCode, code: 'X', error: 'E', message });

describe('API client sessions', () => {
  it('sends the session token as a Bearer header, and none when signed out', async () => {
    const { calls, fetchImpl } = fakeFetch(200, []);
    let token: string | null = 'tok-1';
    const api = createApi('/api/v1', fetchImpl, { token: () => token, onUnauthorized: () => {} });
    await api.residents();
    token = null;
    await api.residents();
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok-1');
    expect(new Headers(calls[1]?.init?.headers).get('authorization')).toBeNull();
  });

  it('reports a 401 on a signed-in call as the end of the session', async () => {
    const { fetchImpl } = fakeFetch(401, apiError(401, 'sign in first'));
    let ended = 0;
    const api = createApi('/api/v1', fetchImpl, { token: () => 'old', onUnauthorized: () => ended++ });
    await expect(api.residents()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(ended).toBe(1);
  });

  it('tells a wrong password (401) from a rate limit (429 with Retry-After) at sign-in', async () => {
    const wrong = fakeFetch(401, apiError(401, 'wrong username or password'));
    let ended = 0;
    const signedOut = { token: () => null, onUnauthorized: () => ended++ };
    await expect(createApi('/api/v1', wrong.fetchImpl, signedOut).login('eva', 'x')).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(ended).toBe(0); // not signed in: nothing to end
    const limited = fakeFetch(429, apiError(429, 'too many'), { 'retry-after': '840' });
    const error = await createApi('/api/v1', limited.fetchImpl, signedOut)
      .login('eva', 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterS: 840 });
  });
});
