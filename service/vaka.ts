/**
 * Wires Vaka together: database (+ migrations), broker (embedded or external), gateway,
 * detectors, alert lifecycle, HTTP. `startVaka` opens everything in order and returns a
 * handle whose stop() closes it all in reverse, finishing in-flight work first.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createGateway, type Gateway } from '../gateway/gateway.js';
import { AlertService } from './alerts/alert-service.js';
import { buildApp } from './app.js';
import { AuthService, type FirstAdmin } from './auth/auth-service.js';
import { type EmbeddedBroker, startEmbeddedBroker } from './broker/embedded-broker.js';
import { MqttCredentials, SERVICE_USERNAME } from './broker/mqtt-credentials.js';
import type { Config } from './config.js';
import { ContextService } from './context-service.js';
import { type Health, STREAM_HEARTBEAT_MS } from './contract.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { openPostgres } from './db/pg-db.js';
import { openPglite } from './db/pglite-db.js';
import { Engine } from './engine.js';
import { CommitLedger } from './journal/commit-ledger.js';
import { openJournal } from './journal/journal.js';
import { JournalSink } from './journal/journal-sink.js';
import { replayJournal } from './journal/replay.js';
import { ReplayGuard } from './journal/replay-guard.js';
import { PortInUseError } from './listen.js';
import { Pipeline } from './pipeline.js';
import { DeviceRegistry } from './registry.js';
import { Retention } from './retention.js';
import { RATE_SAMPLE_MS, RateMeter } from './stats/rate-meter.js';
import { ActivityStore } from './store/activity-store.js';
import { AlertsStore } from './store/alerts-store.js';
import { AuditStore } from './store/audit-store.js';
import { ContextsStore } from './store/contexts-store.js';
import { DeadLettersStore } from './store/dead-letters-store.js';
import { EventsStore } from './store/events-store.js';
import { MetricsStore } from './store/metrics-store.js';
import { ModelStore } from './store/model-store.js';
import { MqttAccountsStore } from './store/mqtt-accounts-store.js';
import { ResidentsStore } from './store/residents-store.js';
import { SessionsStore } from './store/sessions-store.js';
import { UsersStore } from './store/users-store.js';
import { StreamHub } from './stream/hub.js';
import { Supervisor } from './supervision.js';
import { VERSION } from './version.js';

export interface Vaka {
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly registry: DeviceRegistry;
  readonly residents: ResidentsStore;
  readonly alertService: AlertService;
  readonly auth: AuthService;
  /** Set when this start created the first admin (with a one-time password to show once, if generated). */
  readonly firstAdmin: FirstAdmin | undefined;
  /** The detectors and learned models (for inspection and tests). */
  readonly engine: Engine;
  readonly pipeline: Pipeline;
  readonly gateway: Gateway;
  /** The HTTP port and MQTT URL actually in use (ports may have been 0). */
  readonly httpPort: number;
  readonly mqttUrl: string;
  /** Logins of the embedded broker; undefined with an external broker (MQTT_URL). */
  readonly mqttCredentials: MqttCredentials | undefined;
  health(): Promise<Health>;
  /** Runs absence detectors now (the tick timer does this every TICK_S). */
  tick(now?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  now?: () => number;
  /** Where the built dashboard is; defaults to dist/dashboard in the package. */
  dashboardDir?: string;
}

const DEFAULT_DASHBOARD = fileURLToPath(new URL('../../dist/dashboard', import.meta.url));

export async function startVaka(config: Config, logger: Logger, options: StartOptions = {}): Promise<Vaka> {
  const now = options.now ?? Date.now;
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
    }
    closers.length = 0;
  };

  try {
    // First: a journal folder another Vaka holds stops the start before anything is opened.
    const journal = openJournal(config.journal, logger);
    if (journal !== undefined) closers.push(async () => journal.close());
    const db = config.database.url
      ? await openPostgres(config.database.url)
      : await openPglite(config.database.dataDir);
    closers.push(() => db.close());
    const applied = await migrate(db);
    logger.info({ database: db.kind, migrationsApplied: applied.length }, 'database ready');

    let broker: EmbeddedBroker | undefined;
    let mqttCredentials: MqttCredentials | undefined;
    let gatewayLogin = { username: config.mqtt.username, password: config.mqtt.password };
    if (config.mqtt.url === undefined) {
      // The embedded broker lets in only the logins Vaka issued (mqtt-credentials.ts); its own
      // gateway's is made now and lives only in this process.
      const credentials = new MqttCredentials(new MqttAccountsStore(db), {
        allowAnonymous: config.mqtt.allowAnonymous,
        topics: { nativePrefix: config.gateway.nativePrefix, z2mBaseTopic: config.gateway.z2mBaseTopic },
      });
      mqttCredentials = credentials;
      gatewayLogin = credentials.internalLogin(SERVICE_USERNAME, { role: 'service' });
      broker = await startEmbeddedBroker({
        port: config.mqtt.embeddedPort,
        host: config.http.host,
        access: {
          authenticate: (username, password) => credentials.authenticate(username, password),
          topics: credentials.topics,
          log: logger.child({ part: 'broker' }),
        },
      });
      const b = broker;
      closers.push(() => b.close());
      // A replaced password or a removed device ends the connections made with the old login.
      credentials.onRevoked((username) => {
        const cut = b.disconnect(username);
        if (cut > 0) logger.info({ part: 'broker', username, connections: cut }, 'MQTT login revoked');
      });
      logger.info({ port: broker.port, anonymous: config.mqtt.allowAnonymous }, 'embedded MQTT broker listening');
      if (config.mqtt.allowAnonymous)
        logger.warn('MQTT_ALLOW_ANONYMOUS: anyone on the network may publish sensor messages');
    }
    const mqttUrl = config.mqtt.url ?? `mqtt://127.0.0.1:${broker?.port}`;

    const residents = new ResidentsStore(db);
    const alerts = new AlertsStore(db);
    const events = new EventsStore(db);
    const deadLetters = new DeadLettersStore(db);
    const registry = new DeviceRegistry(db);
    const users = new UsersStore(db);
    const sessions = new SessionsStore(db);
    const audit = new AuditStore(db);
    const auth = new AuthService(
      users,
      sessions,
      audit,
      {
        sessionMs: config.auth.sessionMs,
        throttle: {
          maxPerUser: config.auth.loginMaxFailures,
          maxPerAddress: config.auth.loginMaxFailures * 10,
          windowMs: config.auth.loginWindowMs,
        },
        now,
      },
      logger.child({ part: 'auth' }),
    );
    const firstAdmin = await auth.ensureFirstAdmin({
      username: config.auth.adminUser,
      password: config.auth.adminPassword,
    });
    await sessions.prune(now());
    const hub = new StreamHub();
    const models = new ModelStore(db);
    // The gateway is made after the engine; until then nothing can arrive anyway.
    let gatewayConnected = () => false;
    const engine = new Engine(
      {
        batteryLowPct: config.detectors.batteryLowPct,
        sensorSilentMs: config.detectors.sensorSilentMs,
        timeZone: config.behaviour.timeZone,
        // [DAY-1] [TREND-1] never page; GET /residents/:id/insights lists them. The log says only
        // that one was found: its words are health data.
        onInsight: (insight) => logger.info({ part: 'insights', rule: insight.ruleId }, 'insight found'),
        // [HOME-1] pauses while the broker is away: that is one system problem, not one alert per home.
        listening: () => gatewayConnected(),
      },
      { device: (id) => registry.info(id), roomKind: (id) => registry.roomKind(id) },
      logger.child({ part: 'engine' }),
    );
    // Staff outcomes tune that resident's thresholds for that rule.
    const alertService = new AlertService(alerts, hub, now, logger.child({ part: 'alerts' }), {
      onResolved: (alert) => engine.feedback(alert.residentId, alert.ruleId, alert.outcome),
      policy: config.alerts.escalation,
      residentName: (id) => residents.cachedName(id),
      roomName: (id) => registry.knownRoomName(id),
    });
    const contexts = new ContextService(new ContextsStore(db), engine, now);
    registry.onChange(engine);
    await registry.load();
    const saved = await models.loadAll();
    engine.importModels(saved);
    logger.info({ residents: saved.length }, 'behaviour models restored');
    engine.restore(await alerts.list({ status: ['open', 'acknowledged'], limit: 1_000_000 }));
    await residents.list(); // learns every resident's name, for alerts shown while the database is away
    logger.info({ residents: await contexts.restore() }, 'away, hospital and visitor states restored');
    let lastSaveFailed = false;
    const saveModels = async (all = false) => {
      // The models exported now include every message journaled so far. The journal's model mark
      // moves there once they are stored and so are the alerts those messages raised: a replay
      // after a kill runs no detector on messages under the mark.
      const seen = journal?.lastSeq ?? 0;
      // A failed save took the changed models' dirty flags with it: save them all next time.
      const changed = engine.exportModels(all || lastSaveFailed);
      lastSaveFailed = true;
      await alertService.idle();
      if (changed.length > 0) await models.saveMany(changed, now());
      lastSaveFailed = false;
      if (alertService.pending.held === 0) journal?.modelSaved(seen);
    };

    // Alert actions pass a guard that, during a journal replay only, drops those already stored.
    const guard = new ReplayGuard(alertService, (residentId, foldKey) => alerts.lastSeenAt(residentId, foldKey));
    const ledger = journal && new CommitLedger(journal.marks.committed, (seq) => journal.committed(seq));
    const pipeline = new Pipeline(
      { batchSize: 1000, flushMs: 50, maxPending: 200_000 },
      { db, events, devices: registry.devices, residents, deadLetters, unclaimed: registry.unclaimed },
      engine,
      guard,
      hub,
      logger.child({ part: 'pipeline' }),
      ledger,
    );
    const journalSink = journal && ledger && new JournalSink(journal, ledger, pipeline, config.gateway.maxPayloadBytes);
    closers.push(async () => {
      await pipeline.stop();
      await alertService.idle();
      await saveModels();
    });

    const gateway = createGateway(
      {
        mqttUrl,
        clientId: config.mqtt.clientId,
        username: gatewayLogin.username,
        password: gatewayLogin.password,
        connectTimeoutMs: 10_000,
        now,
        logger,
        native: { prefix: config.gateway.nativePrefix },
        z2m: { baseTopic: config.gateway.z2mBaseTopic },
        maxPayloadBytes: config.gateway.maxPayloadBytes,
        dedupeWindowMs: config.gateway.dedupeWindowMs,
        maxClockSkewMs: config.gateway.maxClockSkewMs,
        journal: journalSink,
      },
      registry,
      journalSink ?? pipeline,
    );

    gatewayConnected = () => gateway.connected;
    const startedAt = now();
    const databaseReachable = () =>
      db.query('SELECT 1').then(
        () => true,
        () => false,
      );
    const supervisor = new Supervisor(
      {
        brokerConnected: () => gateway.connected,
        databaseReachable,
        writesFailing: () => pipeline.counters.writeFailing,
      },
      hub,
      now,
      logger.child({ part: 'supervision' }),
      config.supervision.graceMs,
    );
    const health = async (): Promise<Health> => {
      const dbOk = await databaseReachable();
      const counters = pipeline.counters;
      const journalStats = journal && ledger && { ...journal.stats, uncommitted: ledger.outstanding };
      const ok = dbOk && gateway.connected && !counters.writeFailing && journalStats?.failing !== true;
      return {
        status: ok ? 'ok' : 'degraded',
        version: VERSION,
        uptimeS: Math.round((now() - startedAt) / 1000),
        database: { kind: db.kind, ok: dbOk },
        broker: { embedded: broker !== undefined, connected: gateway.connected },
        gateway: { ...gateway.counters },
        eventsStored: counters.stored,
        eventsPending: counters.pending,
        streamClients: hub.size,
        silentHomes: engine.silentHomes(),
        problems: supervisor.problems(),
        ...(journalStats === undefined ? {} : { journal: journalStats }),
      };
    };

    const eventRate = new RateMeter();
    const app = await buildApp(
      {
        residents,
        registry,
        events,
        alerts,
        alertService,
        contexts,
        deadLetters,
        health,
        activity: new ActivityStore(db),
        metrics: new MetricsStore(db),
        eventRate,
        residentState: (id) => engine.resident(id),
        insights: (id) => engine.insights(id),
        timeZone: config.behaviour.timeZone,
        now,
        auth,
        users,
        audit,
        mqttCredentials,
      },
      { logger, dashboardDir: options.dashboardDir ?? DEFAULT_DASHBOARD },
    );
    // Stop accepting HTTP and stream connections first, then the gateway, then drain.
    closers.push(() => gateway.stop());
    closers.push(() => app.close());

    // What a killed run received and acknowledged but did not finish: before new messages arrive.
    if (journalSink !== undefined) await replayJournal(journalSink, guard, gateway, logger.child({ part: 'journal' }));
    await gateway.start();
    try {
      await app.listen({ port: config.http.port, host: config.http.host });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(config.http.port, 'PORT');
      throw error;
    }
    const address = app.server.address();
    const httpPort = typeof address === 'object' && address !== null ? address.port : config.http.port;

    const tick = async (at = now()) => {
      const actions = engine.tick(at);
      if (actions.length > 0) await alertService.apply(actions);
    };
    const timer = setInterval(() => {
      tick().catch((error: unknown) => logger.error({ err: error }, 'tick failed'));
    }, config.tickMs);
    timer.unref();
    closers.push(async () => clearInterval(timer));
    const supervision = setInterval(() => {
      supervisor.check().catch((error: unknown) => logger.error({ err: error }, 'supervision check failed'));
    }, config.supervision.checkMs);
    supervision.unref();
    closers.push(async () => clearInterval(supervision));
    const escalation = setInterval(() => {
      alertService.escalate().catch((error: unknown) => logger.error({ err: error }, 'escalation check failed'));
    }, config.alerts.escalationCheckMs);
    escalation.unref();
    closers.push(async () => clearInterval(escalation));
    const retention = new Retention(db, config.retention, now, logger.child({ part: 'retention' }));
    const runRetention = () => {
      retention.run().catch((error: unknown) => logger.error({ err: error }, 'retention failed'));
    };
    const retentionFirst = setTimeout(runRetention, 60_000);
    retentionFirst.unref();
    const retentionTimer = setInterval(runRetention, config.retention.checkMs);
    retentionTimer.unref();
    closers.push(async () => {
      clearTimeout(retentionFirst);
      clearInterval(retentionTimer);
    });
    const saveTimer = setInterval(() => {
      saveModels().catch((error: unknown) => logger.error({ err: error }, 'saving behaviour models failed'));
    }, config.behaviour.saveMs);
    saveTimer.unref();
    closers.push(async () => clearInterval(saveTimer));
    eventRate.sample(now(), pipeline.counters.stored);
    const rateTimer = setInterval(() => eventRate.sample(now(), pipeline.counters.stored), RATE_SAMPLE_MS);
    rateTimer.unref();
    closers.push(async () => clearInterval(rateTimer));
    const heartbeat = setInterval(() => {
      void hub.broadcast({ type: 'heartbeat', at: new Date(now()).toISOString() });
    }, STREAM_HEARTBEAT_MS);
    heartbeat.unref();
    closers.push(async () => clearInterval(heartbeat));

    return {
      app,
      db,
      registry,
      residents,
      alertService,
      auth,
      firstAdmin,
      engine,
      pipeline,
      gateway,
      httpPort,
      mqttUrl,
      mqttCredentials,
      health,
      tick,
      stop: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
