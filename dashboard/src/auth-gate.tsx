/**
 * The app shell's gate: nobody sees alerts or residents without a session. Shows the sign-in
 * page, then (for a temporary password) the password change, then the app with its pages
 * (which of them a role may open is the app's concern: page-access.ts). A 401
 * from the API or a 4401 close of the stream ends the session here and returns to sign-in,
 * instead of retrying with a token the server will never accept.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Session } from '../../service/contract.js';
import { createApi } from './api.js';
import { App } from './app.js';
import { LoginPage } from './components/login-page.js';
import { PasswordChange } from './components/password-change.js';
import { clearSession, loadSession, saveSession } from './session.js';

export function AuthGate({ streamUrl }: { streamUrl: string }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [ended, setEnded] = useState(false);

  const end = useCallback(() => {
    clearSession();
    setSession(null);
    setEnded(true);
  }, []);
  const token = session?.token ?? null;
  const api = useMemo(() => createApi('/api/v1', undefined, { token: () => token, onUnauthorized: end }), [token, end]);

  // The account as the server knows it now: a session saved on this device may hold a stale copy
  // (a password changed on a slow connection just before a reload, a new display name). A 401
  // here ends the session through onUnauthorized.
  useEffect(() => {
    if (token === null) return;
    let live = true;
    api.me().then(
      (user) => {
        if (!live) return;
        setSession((current) => {
          if (current === null || current.token !== token) return current;
          const next = { ...current, user };
          saveSession(next);
          return next;
        });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, token]);

  const signedIn = (next: Session) => {
    saveSession(next);
    setEnded(false);
    setSession(next);
  };
  const signOut = () => {
    // The server forgets the session too; if it cannot be reached, the token still expires there.
    void api.logout().catch(() => undefined);
    clearSession();
    setEnded(false);
    setSession(null);
  };

  if (session === null) return <LoginPage api={api} onSignedIn={signedIn} sessionEnded={ended} />;
  if (session.user.mustChangePassword) {
    return (
      <PasswordChange
        api={api}
        onChanged={() => signedIn({ ...session, user: { ...session.user, mustChangePassword: false } })}
        onSignOut={signOut}
      />
    );
  }
  return <App api={api} streamUrl={streamUrl} session={session} onSignOut={signOut} onSessionEnded={end} />;
}
