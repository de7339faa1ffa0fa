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
import type { MqttCredentials } from '../broker/mqtt-credentials.js';
import type { ContextService } from '../context-service.js';
import type { Health } from '../contract.js';
import type { Insight as ModelInsight } from '../model/day/day-profile.js';
import type { ResidentState } from '../model/resident-state.js';
import type { DeviceRegistry } from '../registry.js';
import type { RateMeter } from '../stats/rate-meter.js';
import type { ActivityStore } from '../store/activity-store.js';
import type { AlertsStore } from '../store/alerts-store.js';
import type { AuditStore } from '../store/audit-store.js';
import type { DeadLettersStore } from '../store/dead-letters-store.js';
import type { EventsStore } from '../store/events-store.js';
import type { MetricsStore } from '../store/metrics-store.js';
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
  contexts: ContextService;
  deadLetters: DeadLettersStore;
  auth: AuthService;
  users: UsersStore;
  audit: AuditStore;
  health(): Promise<Health>;
  activity: ActivityStore;
  metrics: MetricsStore;
  /** Events stored per minute, sampled from the pipeline's counter. */
  eventRate: RateMeter;
  /** The behaviour model's live state of a resident (undefined before any activity, or with behaviour off). */
  residentState(residentId: string): ResidentState | undefined;
  /** [DAY-1] [TREND-1] insights kept for a resident, oldest first. */
  insights(residentId: string): readonly ModelInsight[];
  /** IANA time zone of the homes: the activity chart's clock hours. */
  timeZone: string;
  /** The service's clock, ms since the epoch. */
  now(): number;
  /** Logins of the embedded broker; undefined with an external broker (its accounts are deploy/mosquitto's). */
  mqttCredentials?: MqttCredentials | undefined;
}
