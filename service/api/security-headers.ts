/**
 * Security headers on every response (what @fastify/helmet would set, without the
 * dependency). The dashboard loads nothing from anywhere but its own origin, so the CSP
 * allows only 'self' (which covers the same-origin ws:/wss: stream in current browsers).
 * The API docs page (swagger-ui) brings its own CSP with hashes for its inline scripts.
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'x-dns-prefetch-control': 'off',
};

export function installSecurityHeaders(app: FastifyInstance, docsPrefix: string): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    if (!request.url.startsWith(docsPrefix)) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    // API answers about people are not to be kept by shared caches or the tablet's disk cache.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
