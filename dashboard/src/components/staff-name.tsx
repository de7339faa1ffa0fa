/**
 * Asks once for the staff member's name (sent as `by`) and lets the next shift change it
 * on a shared tablet.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_NAME_LENGTH, normaliseName } from '../staff-name.js';
import { useStrings } from '../use-strings.js';

export interface StaffNameProps {
  name: string | null;
  onSave(name: string): void;
  /** Increases whenever an action needed a name: bring the field forward and say why. */
  wanted: number;
}

export function StaffName({ name, onSave, wanted }: StaffNameProps) {
  const t = useStrings();
  const [editing, setEditing] = useState(name === null);
  const [draft, setDraft] = useState(name ?? '');
  const input = useRef<HTMLInputElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (wanted === 0) return;
    setEditing(true);
    // After the re-render that shows the field.
    setTimeout(() => input.current?.focus(), 0);
  }, [wanted]);

  const save = (event: Event) => {
    event.preventDefault();
    const normalised = normaliseName(draft);
    if (normalised === null) {
      input.current?.focus();
      return;
    }
    onSave(normalised);
    setEditing(false);
    setTimeout(() => changeButton.current?.focus(), 0);
  };

  if (!editing && name !== null) {
    return (
      <div class="staff-name">
        <span>{t.name.current(name)}</span>
        <button type="button" class="button quiet" ref={changeButton} onClick={() => setEditing(true)}>
          {t.name.change}
        </button>
      </div>
    );
  }

  return (
    <form class="staff-name" onSubmit={save}>
      <label for="staff-name-input">{t.name.label}</label>
      <input
        id="staff-name-input"
        ref={input}
        type="text"
        autocomplete="name"
        maxLength={MAX_NAME_LENGTH}
        required
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        aria-describedby="staff-name-hint"
      />
      <button type="submit" class="button primary">
        {t.name.save}
      </button>
      <span id="staff-name-hint" class={`hint ${wanted > 0 && name === null ? 'form-error' : ''}`}>
        {wanted > 0 && name === null ? t.name.required : t.name.hint}
      </span>
    </form>
  );
}
