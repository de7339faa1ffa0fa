/** The care staff's alert page: wires the stream, the REST calls and the panels together. */
import { useEffect, useMemo } from 'preact/hooks';
import type { Alert, Session } from '../../service/contract.js';
import { alertActions } from './alert-actions.js';
import { openCountByResident } from './alert-state.js';
import type { Api } from './api.js';
import { AccountMenu } from './components/account-menu.js';
import { AlertList } from './components/alert-list.js';
import { ConnectionBanner } from './components/connection-banner.js';
import { CuesControl } from './components/cues-control.js';
import { HealthLine } from './components/health-line.js';
import { LiveAnnouncer } from './components/live-announcer.js';
import { ResidentsPanel } from './components/residents-panel.js';
import { useAlertStream } from './use-alert-stream.js';
import { useAnnouncer } from './use-announcer.js';
import { useCriticalCues } from './use-critical-cues.js';
import { useHealth } from './use-health.js';
import { useNow } from './use-now.js';
import { useResidents } from './use-residents.js';
import { useStrings } from './use-strings.js';

export interface AppProps {
  api: Api;
  streamUrl: string;
  /** The signed-in session (auth-gate.tsx): its token opens the stream, its user acts. */
  session: Session;
  onSignOut(): void;
  /** The server no longer accepts the session (the stream closed with 4401). */
  onSessionEnded(): void;
}

export function App({ api, streamUrl, session, onSignOut, onSessionEnded }: AppProps) {
  const t = useStrings();
  const now = useNow();
  const name = session.user.displayName;
  const [announcement, announce] = useAnnouncer();
  const cues = useCriticalCues();
  const health = useHealth(api);

  const onArrivals = (alerts: Alert[]) => {
    const room = (a: Alert) => a.roomName ?? t.alerts.roomUnknown;
    announce(alerts.map((a) => t.announce.critical(a.reason, a.residentName, room(a))).join('. '));
    cues.cue(
      alerts.map((a) => ({
        title: t.announce.notificationTitle(a.residentName),
        body: `${a.reason} — ${room(a)}`,
        tag: a.id,
      })),
    );
  };
  const residents = useResidents(api);
  const stream = useAlertStream(streamUrl, { onArrivals, onActivity: residents.applyActivity }, session.token);
  // A refused stream (4401/4403) means the session is over: back to sign-in, no retry loop.
  useEffect(() => {
    if (stream.connection.status === 'denied') onSessionEnded();
  }, [stream.connection, onSessionEnded]);
  // Activity may have been missed while the stream was down: fetch residents again.
  const { refresh: refreshResidents } = residents;
  useEffect(() => {
    if (stream.liveCount > 1) refreshResidents();
  }, [stream.liveCount, refreshResidents]);

  const openCounts = useMemo(() => (stream.state.synced ? openCountByResident(stream.state) : null), [stream.state]);

  useEffect(() => {
    document.title = t.documentTitle(stream.state.alerts.size);
  }, [t, stream.state]);

  const actions = useMemo(
    () =>
      alertActions({
        api,
        name,
        askForName: () => {},
        applyResult: stream.applyActionResult,
        t,
      }),
    [api, name, t, stream.applyActionResult],
  );

  return (
    <>
      <a class="skip-link" href="#alerts-heading">
        {t.skipToAlerts}
      </a>
      <header class="app-header">
        <div class="brand">
          <h1>{t.appName}</h1>
          <HealthLine view={health} now={now} />
        </div>
        <div class="header-controls">
          <AccountMenu user={session.user} onSignOut={onSignOut} />
          <CuesControl cues={cues} />
        </div>
      </header>
      <ConnectionBanner connection={stream.connection} onRetry={stream.retryNow} />
      <LiveAnnouncer message={announcement} />
      <main class="layout">
        <AlertList state={stream.state} now={now} actions={actions} />
        <ResidentsPanel residents={residents.residents} failed={residents.failed} openCounts={openCounts} now={now} />
      </main>
    </>
  );
}
