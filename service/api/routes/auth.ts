import { z } from 'zod';
import { principalOf } from '../../auth/auth-hooks.js';
import { AccountRuleError } from '../../auth/auth-service.js';
import { ApiError, LoginInput, PasswordChange, Session, User } from '../../contract.js';
import { body } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

export function authRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['accounts'];
  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in: returns a session token for `Authorization: Bearer <token>`',
        body: LoginInput,
        response: { 200: Session, 401: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const result = await deps.auth.login(request.body.username, request.body.password, request.ip);
      if (result.ok) return result.session;
      if (result.reason === 'throttled') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        return reply
          .code(429)
          .header('retry-after', String(seconds))
          .send(body(429, 'VAKA_ERR_RATE_LIMITED', `too many failed sign-ins; try again in ${seconds} s`));
      }
      return reply.code(401).send(body(401, 'VAKA_ERR_BAD_CREDENTIALS', 'wrong username or password'));
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in account', response: { 200: User, 401: ApiError } } },
    async (request) => {
      const user = await deps.users.get(principalOf(request).userId);
      if (user === undefined) throw new Error('the session’s user is gone');
      return user;
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'End this session (the token stops working at once)', response: { 204: z.null() } } },
    async (request, reply) => {
      await deps.auth.logout(principalOf(request), request.ip);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password; your other sessions end',
        body: PasswordChange,
        response: { 204: z.null(), 400: ApiError, 403: ApiError },
      },
    },
    async (request, reply) => {
      try {
        const changed = await deps.auth.changePassword(
          principalOf(request),
          request.body.currentPassword,
          request.body.newPassword,
          request.ip,
        );
        if (!changed)
          return reply.code(403).send(body(403, 'VAKA_ERR_BAD_CREDENTIALS', 'the current password is wrong'));
      } catch (error) {
        if (error instanceof AccountRuleError) return reply.code(400).send(body(400, error.code, error.message));
        throw error;
      }
      return reply.code(204).send(null);
    },
  );
}
