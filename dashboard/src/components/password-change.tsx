/** Choosing one's own password, required after a temporary or one-time one. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Api, ApiRequestError } from '../api.js';
import { useAuthStrings } from '../i18n-auth.js';

const MIN_LENGTH = 12;

export function PasswordChange({ api, onChanged, onSignOut }: { api: Api; onChanged(): void; onSignOut(): void }) {
  const a = useAuthStrings();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = a.changeHeading;
    first.current?.focus();
  }, [a]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (next.length < MIN_LENGTH) return setError(a.tooShort);
    if (next !== repeat) return setError(a.mismatch);
    if (next === current) return setError(a.sameAsCurrent);
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(current, next);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiRequestError && e.status === 403 ? a.wrongCurrent : a.failed);
      setBusy(false);
    }
  };

  const field = (id: string, label: string, value: string, set: (v: string) => void, autocomplete: string) => (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={id === 'pw-current' ? first : undefined}
        type="password"
        autocomplete={autocomplete}
        required
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </>
  );

  return (
    <main class="auth-page">
      <form class="auth-card" onSubmit={submit} aria-labelledby="pw-heading" novalidate>
        <h1 id="pw-heading">{a.changeHeading}</h1>
        <p class="hint">{a.changeIntro}</p>
        {field('pw-current', a.currentPassword, current, setCurrent, 'current-password')}
        {field('pw-new', a.newPassword, next, setNext, 'new-password')}
        {field('pw-repeat', a.repeatPassword, repeat, setRepeat, 'new-password')}
        <p class="form-error" role="alert">
          {error}
        </p>
        <div class="actions">
          <button type="submit" class="button primary" aria-disabled={busy}>
            {a.changeSubmit}
          </button>
          <button type="button" class="button quiet" onClick={onSignOut}>
            {a.signOut}
          </button>
        </div>
      </form>
    </main>
  );
}
