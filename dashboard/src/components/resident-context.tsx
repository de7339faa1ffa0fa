/**
 * Away, in hospital or with a visitor, until when: set by staff on the resident's page. Away
 * and hospital hold back the at-home alerts; the current state is shown with who set it.
 */
import { useId, useState } from 'preact/hooks';
import type { ContextKind, Resident } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { CLOCK_24H } from '../relative-time.js';
import { useLocale } from '../use-strings.js';
import { useSubmit } from '../use-submit.js';
import { FormMessageLine } from './form-message.js';

const KINDS: readonly ContextKind[] = ['away', 'hospital', 'visitor'];

/** A `datetime-local` value for tomorrow at 18:00 local time: a sensible default end. */
export function defaultUntil(now: number): string {
  const d = new Date(now + 86_400_000);
  d.setHours(18, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`;
}

/** "Thu 18:00": an end time within the coming days, with its weekday. */
function untilText(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...CLOCK_24H,
  }).format(Date.parse(iso));
}

export interface ResidentContextProps {
  api: Api;
  resident: Resident;
  now: number;
  /** Called with the resident as the service returns it after a change. */
  onChange(resident: Resident): void;
}

export function ResidentContextControl({ api, resident, now, onChange }: ResidentContextProps) {
  const { language, t } = useLocale();
  const c = t.pages.resident.context;
  const id = useId();
  const submit = useSubmit();
  const [kind, setKind] = useState<ContextKind | null>(null);
  const [until, setUntil] = useState(() => defaultUntil(now));
  const [note, setNote] = useState('');
  const current = resident.context;

  const save = (event: Event) => {
    event.preventDefault();
    if (kind === null) return submit.fail(c.chooseKind);
    const trimmed = note.trim();
    // Who set it is the signed-in account (the server records it).
    const input = { kind, until: new Date(until).toISOString(), ...(trimmed === '' ? {} : { note: trimmed }) };
    return submit.run(async () => {
      onChange(await api.setContext(resident.id, input));
      return c.saved;
    });
  };
  const end = () =>
    submit.run(async () => {
      onChange(await api.endContext(resident.id));
      return c.ended;
    });

  return (
    <section class="card resident-context" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{c.heading}</h3>
      {current !== null ? (
        <div class="context-now">
          <p>
            <strong>{c.now(c.kind[current.kind], untilText(current.until, language))}</strong>
            {current.note !== null && ` · ${current.note}`} · {c.setBy(current.setBy)}
          </p>
          <button type="button" class="button" onClick={end} aria-busy={submit.busy} aria-disabled={submit.busy}>
            {c.end}
          </button>
        </div>
      ) : (
        <form onSubmit={save}>
          <fieldset disabled={submit.busy}>
            <legend class="hint">{c.hint}</legend>
            <div class="choices">
              {KINDS.map((k) => (
                <label key={k} class="choice">
                  <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
                  <span>{c.kind[k]}</span>
                </label>
              ))}
            </div>
            <div class="context-fields">
              <div class="field">
                <label for={`${id}-until`}>{c.until}</label>
                <input
                  id={`${id}-until`}
                  type="datetime-local"
                  value={until}
                  required
                  onInput={(e) => setUntil(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for={`${id}-note`}>{c.note}</label>
                <input
                  id={`${id}-note`}
                  type="text"
                  maxLength={500}
                  value={note}
                  onInput={(e) => setNote(e.currentTarget.value)}
                />
              </div>
            </div>
          </fieldset>
          <button type="submit" class="button primary" aria-busy={submit.busy} aria-disabled={submit.busy}>
            {c.save}
          </button>
        </form>
      )}
      <FormMessageLine message={submit.message} />
    </section>
  );
}
