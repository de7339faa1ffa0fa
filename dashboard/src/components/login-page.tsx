/** Sign-in: two labelled fields and a button, usable with a keyboard alone; errors are announced. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../../service/contract.js';
import { type Api, ApiRequestError } from '../api.js';
import { type AuthStrings, useAuthStrings } from '../i18n-auth.js';

export interface LoginPageProps {
  api: Api;
  onSignedIn(session: Session): void;
  /** The previous session ended (expired or revoked): say so. */
  sessionEnded: boolean;
}

export function LoginPage({ api, onSignedIn, sessionEnded }: LoginPageProps) {
  const a = useAuthStrings();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = a.heading;
    first.current?.focus();
  }, [a]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(username.trim(), password));
    } catch (e) {
      setPassword('');
      setError(loginError(e, a));
      setBusy(false);
    }
  };

  return (
    <main class="auth-page">
      <form class="auth-card" onSubmit={submit} aria-labelledby="login-heading" novalidate>
        <h1 id="login-heading">{a.heading}</h1>
        <p class="hint">{a.intro}</p>
        {sessionEnded && error === null && <p class="banner banner-info">{a.sessionEnded}</p>}
        <label for="login-username">{a.username}</label>
        <input
          id="login-username"
          ref={first}
          type="text"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
        <label for="login-password">{a.password}</label>
        <input
          id="login-password"
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <p class="form-error" role="alert">
          {error}
        </p>
        <button type="submit" class="button primary" aria-disabled={busy}>
          {busy ? a.submitting : a.submit}
        </button>
      </form>
    </main>
  );
}

function loginError(error: unknown, a: AuthStrings): string {
  if (!(error instanceof ApiRequestError)) return a.failed;
  if (error.kind === 'unauthorized') return a.badCredentials;
  if (error.kind === 'rate-limited') return a.rateLimited(error.retryAfterS ?? 60);
  if (error.kind === 'network') return a.network;
  return a.failed;
}
