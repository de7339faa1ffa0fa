/**
 * One error shape for every API failure: {statusCode, code, error, message}. 4xx messages
 * say what was wrong; 5xx messages say only that it failed (details go to the log).
 */

import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CredentialsRefusedError } from '../broker/mqtt-credentials.js';
import type { ApiError } from '../contract.js';
import { AlertTransitionError } from '../store/alerts-store.js';
import { isForeignKeyViolation, isUniqueViolation } from '../store/sql-values.js';

export class NotFoundError extends Error {
  readonly code = 'VAKA_ERR_NOT_FOUND';
}

/** A request that is well-formed but asks for something that cannot be (400). */
export class BadRequestError extends Error {
  readonly code = 'VAKA_ERR_BAD_REQUEST';
}

export function body(statusCode: number, code: string, message: string): ApiError {
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const issues = error.validation
      .map((v) => `${v.instancePath ? v.instancePath.slice(1).replaceAll('/', '.') : where}: ${v.message}`)
      .join('; ');
    return reply.code(400).send(body(400, 'VAKA_ERR_VALIDATION', `invalid ${where}: ${issues}`));
  }
  if (error instanceof NotFoundError) return reply.code(404).send(body(404, error.code, error.message));
  if (error instanceof BadRequestError) return reply.code(400).send(body(400, error.code, error.message));
  if (error instanceof CredentialsRefusedError) return reply.code(409).send(body(409, error.code, error.message));
  if (error instanceof AlertTransitionError) {
    const status = error.message.startsWith('no alert') ? 404 : 409;
    return reply.code(status).send(body(status, error.code, error.message));
  }
  if (isUniqueViolation(error)) {
    return reply.code(409).send(body(409, 'VAKA_ERR_CONFLICT', 'that already exists'));
  }
  if (isForeignKeyViolation(error)) {
    return reply
      .code(400)
      .send(body(400, 'VAKA_ERR_REFERENCE', 'a referenced resident, room or device does not exist'));
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    return reply.code(status).send(body(status, error.code ?? 'VAKA_ERR_REQUEST', error.message));
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send(body(500, 'VAKA_ERR_INTERNAL', 'internal error; see the server log'));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send(body(404, 'VAKA_ERR_ROUTE', `no route ${request.method} ${request.url.split('?')[0]}`));
}
