/**
 * buildApp: the HTTP side of Vaka (REST API, WebSocket stream, OpenAPI document, dashboard).
 * It builds and never listens: server start-up is in main.ts, tests use app.inject().
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { errorHandler, notFoundHandler } from './api/errors.js';
import { activityRoutes } from './api/routes/activity.js';
import { alertRoutes } from './api/routes/alerts.js';
import { authRoutes } from './api/routes/auth.js';
import { contextRoutes } from './api/routes/contexts.js';
import { deadLetterRoutes } from './api/routes/dead-letters.js';
import { deviceRoutes } from './api/routes/devices.js';
import { eventRoutes } from './api/routes/events.js';
import { healthRoutes } from './api/routes/health.js';
import { insightRoutes } from './api/routes/insights.js';
import { metricsRoutes } from './api/routes/metrics.js';
import { mqttCredentialRoutes } from './api/routes/mqtt-credentials.js';
import { residentRoutes } from './api/routes/residents.js';
import { userRoutes } from './api/routes/users.js';
import { installSecurityHeaders } from './api/security-headers.js';
import type { ApiDeps, ZodApp } from './api/types.js';
import { installAuthHooks } from './auth/auth-hooks.js';
import { selectProtocol, streamRoute } from './stream/stream-route.js';
import { VERSION } from './version.js';

export interface AppOptions {
  logger: Logger;
  /** The built dashboard (vite build output); a hint page is served when it is missing. */
  dashboardDir: string;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
}

export async function buildApp(deps: ApiDeps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  installSecurityHeaders(app, '/api/v1/docs');
  installAuthHooks(app, {
    auth: deps.auth,
    residents: deps.residents,
    alerts: deps.alerts,
    devices: deps.registry.devices,
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Vaka API', version: VERSION, description: 'Fall and anomaly alerts for home care' },
      // Sign in with POST /auth/login; send the token as `Authorization: Bearer <token>`.
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/v1/docs',
    // swagger-ui's own CSP (hashes of its inline scripts), minus what would fetch from elsewhere.
    staticCSP: true,
    transformStaticCSP: (header: string) =>
      header.replaceAll(' https:', '').replace(' validator.swagger.io', '').replace(' upgrade-insecure-requests;', ''),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024, handleProtocols: selectProtocol } });

  await app.register(
    async (api) => {
      const zapi = api as unknown as ZodApp;
      healthRoutes(zapi, deps);
      authRoutes(zapi, deps);
      userRoutes(zapi, deps);
      residentRoutes(zapi, deps);
      deviceRoutes(zapi, deps);
      mqttCredentialRoutes(zapi, deps);
      eventRoutes(zapi, deps);
      alertRoutes(zapi, deps);
      contextRoutes(zapi, deps);
      insightRoutes(zapi, deps);
      deadLetterRoutes(zapi, deps);
      activityRoutes(zapi, deps);
      metricsRoutes(zapi, deps);
      streamRoute(zapi, deps);
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  if (existsSync(options.dashboardDir)) {
    await app.register(fastifyStatic, { root: options.dashboardDir, prefix: '/', wildcard: false });
  } else {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/html')
        .send('<!doctype html><title>Vaka</title><p>The dashboard is not built. Run <code>npm run build</code>.</p>'),
    );
  }
  return app;
}
