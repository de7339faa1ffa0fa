/** Staff notes on an alert, oldest first, and a small form to add one ("Called her daughter"). */
import { useId, useState } from 'preact/hooks';
import type { Alert } from '../../../service/contract.js';
import { useStrings } from '../use-strings.js';
import { TimeAgo } from './time-ago.js';

/** The service accepts notes of up to 2000 characters (NoteInput in the contract). */
const MAX_NOTE_LENGTH = 2000;

export interface AlertNotesProps {
  alert: Alert;
  now: number;
  onAdd(text: string): Promise<string | null>;
}

export function AlertNotes({ alert, now, onAdd }: AlertNotesProps) {
  const t = useStrings();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (busy || trimmed === '') return;
    setBusy(true);
    setError(null);
    const failure = await onAdd(trimmed);
    setBusy(false);
    setError(failure);
    if (failure === null) {
      setText('');
      setOpen(false);
    }
  };

  return (
    <section class="alert-notes" aria-label={t.alerts.notes}>
      {alert.notes.length > 0 && (
        <ul>
          {alert.notes.map((note) => (
            <li key={note.id}>
              <p>{note.text}</p>
              <TimeAgo iso={note.at} now={now} format={(ago) => t.alerts.noteBy(note.by, ago)} />
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form onSubmit={submit}>
          <label for={`${id}-note`}>{t.alerts.noteLabel}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={text}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to write a note
            autoFocus
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {error !== null && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="button" aria-disabled={busy} aria-busy={busy}>
              {busy ? t.alerts.savingNote : t.alerts.saveNote}
            </button>
            <button type="button" class="button" onClick={() => setOpen(false)} disabled={busy}>
              {t.resolve.cancel}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="button link" onClick={() => setOpen(true)}>
          {t.alerts.addNote}
        </button>
      )}
    </section>
  );
}
