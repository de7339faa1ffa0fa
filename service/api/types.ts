import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AlertService } from '../alerts/alert-service.js';
import type { ContextService } from '../context-service.js';
import type { Health } from '../contract.js';
import type { DeviceRegistry } from '../registry.js';
import type { AlertsStore } from '../store/alerts-store.js';
import type { DeadLettersStore } from '../store/dead-letters-store.js';
import type { EventsStore } from '../store/events-store.js';
import type { ResidentsStore } from '../store/residents-store.js';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the HTTP layer needs from the rest of the service. */
export interface ApiDeps {
  residents: ResidentsStore;
  registry: DeviceRegistry;
  events: EventsStore;
  alerts: AlertsStore;
  alertService: AlertService;
  contexts: ContextService;
  now(): number;
  deadLetters: DeadLettersStore;
  health(): Promise<Health>;
}
