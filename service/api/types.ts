import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AlertService } from '../alerts/alert-service.js';
import type { AuthService } from '../auth/auth-service.js';
import type { Health } from '../contract.js';
import type { DeviceRegistry } from '../registry.js';
import type { AlertsStore } from '../store/alerts-store.js';
import type { AuditStore } from '../store/audit-store.js';
import type { DeadLettersStore } from '../store/dead-letters-store.js';
import type { EventsStore } from '../store/events-store.js';
import type { ResidentsStore } from '../store/residents-store.js';
import type { UsersStore } from '../store/users-store.js';

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
  deadLetters: DeadLettersStore;
  auth: AuthService;
  users: UsersStore;
  audit: AuditStore;
  health(): Promise<Health>;
  /** The clock (ms since the epoch): session expiry on open streams. */
  now: () => number;
}
