/**
 * The dashboard shell: wires the stream, the REST calls and the pages together. The alert
 * stream, its sound and notifications run on every page, so a critical alert is never missed
 * while someone looks at a resident or the sensors. Shown only with a session (auth-gate.tsx).
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Alert, Session } from '../../service/contract.js';
import { alertActions } from './alert-actions.js';
import { openCountByResident } from './alert-state.js';
import { alertText } from './alert-text.js';
import type { Api } from './api.js';
import { AccountMenu } from './components/account-menu.js';
import { AlertList } from './components/alert-list.js';
import { ConnectionBanner } from './components/connection-banner.js';
import { CuesControl } from './components/cues-control.js';
import { HealthLine } from './components/health-line.js';
import { LiveAnnouncer } from './components/live-announcer.js';
import { NavBar } from './components/nav-bar.js';
import { ResidentsPanel } from './components/residents-panel.js';
import { SystemProblems } from './components/system-problems.js';
import { mayOpen, PAGE_ROLE } from './page-access.js';
import { AccountsPage } from './pages/accounts-page.js';
import { OnboardingPage } from './pages/onboarding-page.js';
import { ResidentPage } from './pages/resident-page.js';
import { ResidentsPage } from './pages/residents-page.js';
import { SensorsPage } from './pages/sensors-page.js';
import { SystemPage } from './pages/system-page.js';
import { hrefOf, sectionOf } from './router.js';
import { useAlertStream } from './use-alert-stream.js';
import { useAnnouncer } from './use-announcer.js';
import { useCriticalCues } from './use-critical-cues.js';
import { useHealth } from './use-health.js';
import { useNow } from './use-now.js';
import { useResidents } from './use-residents.js';
import { useRoute } from './use-route.js';
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
  const route = useRoute();

  const onArrivals = (alerts: Alert[]) => {
    const room = (a: Alert) => a.roomName ?? t.alerts.roomUnknown;
    announce(alerts.map((a) => t.announce.critical(alertText(a, t).text, a.residentName, room(a))).join('. '));
    cues.cue(
      alerts.map((a) => ({
        title: t.announce.notificationTitle(a.residentName),
        body: `${alertText(a, t).text} — ${room(a)}`,
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

  // A new page takes the keyboard focus to its content (not on the first load).
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.getElementById('main')?.focus();
    window.scrollTo(0, 0);
  }, [route?.page, route?.page === 'resident' ? route.id : null]);

  const role = session.user.role;
  const operator = role !== 'carer';
  const page = (() => {
    if (route !== null && !mayOpen(role, route.page)) {
      return (
        <main class="page" id="main" tabIndex={-1}>
          <p>{PAGE_ROLE[route.page] === 'admin' ? t.pages.adminsOnly : t.pages.operatorsOnly}</p>
          <p>
            <a href={hrefOf({ page: 'alerts' })}>{t.pages.notFound.back}</a>
          </p>
        </main>
      );
    }
    switch (route?.page) {
      case 'alerts':
        return (
          <main class="layout" id="main" tabIndex={-1}>
            <AlertList state={stream.state} now={now} actions={actions} />
            <ResidentsPanel
              residents={residents.residents}
              failed={residents.failed}
              openCounts={openCounts}
              now={now}
            />
          </main>
        );
      case 'residents':
        return <ResidentsPage api={api} residents={residents} openCounts={openCounts} now={now} />;
      case 'resident':
        return <ResidentPage api={api} id={route.id} now={now} operator={operator} />;
      case 'sensors':
        return <SensorsPage api={api} residents={residents.residents} now={now} />;
      case 'onboarding':
        return <OnboardingPage api={api} residents={residents} now={now} />;
      case 'health':
        return <SystemPage api={api} health={health} now={now} />;
      case 'accounts':
        return <AccountsPage api={api} residents={residents.residents} />;
      default:
        return (
          <main class="page" id="main" tabIndex={-1}>
            <h2>{t.pages.notFound.heading}</h2>
            <p>
              <a href={hrefOf({ page: 'alerts' })}>{t.pages.notFound.back}</a>
            </p>
          </main>
        );
    }
  })();

  return (
    <>
      {/* A button, not a link to #main: the hash is the page's route. */}
      <button type="button" class="skip-link button" onClick={() => document.getElementById('main')?.focus()}>
        {t.skipToAlerts}
      </button>
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
      <NavBar current={sectionOf(route)} openAlerts={stream.state.alerts.size} role={role} />
      <ConnectionBanner connection={stream.connection} onRetry={stream.retryNow} />
      <SystemProblems problems={stream.system} now={now} />
      <LiveAnnouncer message={announcement} />
      {page}
    </>
  );
}
