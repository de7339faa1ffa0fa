/**
 * Resolving asks what it was: the outcome feeds back into the resident's thresholds, so it
 * is a required, explicit choice with no default, plus an optional note.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ResolveInput } from '../../../service/contract.js';
import type { Resolution } from '../alert-actions.js';
import { useStrings } from '../use-strings.js';

type Choice = ResolveInput['outcome'];
const CHOICES: readonly Choice[] = ['confirmed', 'false_alarm', 'expected'];
/** The service accepts notes of up to 2000 characters (ResolveInput in the contract). */
const MAX_NOTE_LENGTH = 2000;

export interface ResolveFormProps {
  onSubmit(resolution: Resolution): Promise<string | null>;
  onCancel(): void;
}

export function ResolveForm({ onSubmit, onCancel }: ResolveFormProps) {
  const t = useStrings();
  const id = useId();
  const [outcome, setOutcome] = useState<Choice | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const legend = useRef<HTMLLegendElement>(null);

  // Move focus into the form when it opens, so a keyboard or screen reader user lands on it.
  useEffect(() => legend.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (outcome === null) {
      setError(t.resolve.chooseOutcome);
      return;
    }
    setBusy(true);
    setError(null);
    const trimmed = note.trim();
    const failure = await onSubmit(trimmed === '' ? { outcome } : { outcome, note: trimmed });
    // On success the card leaves the list and this form with it; only failures remain.
    if (failure !== null) {
      setBusy(false);
      setError(failure);
    }
  };

  return (
    <form class="resolve-form" onSubmit={submit}>
      <fieldset disabled={busy}>
        <legend ref={legend} tabIndex={-1}>
          {t.resolve.legend}
        </legend>
        <div class="choices">
          {CHOICES.map((choice) => (
            <label key={choice} class="choice">
              <input
                type="radio"
                name={`${id}-outcome`}
                value={choice}
                checked={outcome === choice}
                onChange={() => setOutcome(choice)}
              />
              <span>{t.resolve.outcome[choice]}</span>
            </label>
          ))}
        </div>
        <label class="note" for={`${id}-note`}>
          {t.resolve.note}
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </fieldset>
      {error !== null && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button primary" aria-disabled={busy} aria-busy={busy}>
          {busy ? t.resolve.submitting : t.resolve.submit}
        </button>
        <button type="button" class="button" onClick={onCancel} disabled={busy}>
          {t.resolve.cancel}
        </button>
      </div>
    </form>
  );
}
