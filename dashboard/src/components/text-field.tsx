/** A labelled, required text field of a form (`.field`): the label names the input for screen readers. */
export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  maxLength: number;
  minLength?: number;
  type?: 'text' | 'password';
  /** "off" for names staff type once; "new-password" for a password set for someone else. */
  autocomplete?: 'off' | 'new-password';
}

export function TextField({
  id,
  label,
  value,
  onValue,
  maxLength,
  minLength,
  type = 'text',
  autocomplete = 'off',
}: TextFieldProps) {
  const input = {
    id,
    required: true,
    minLength,
    maxLength,
    autocomplete,
    value,
    onInput: (e: { currentTarget: HTMLInputElement }) => onValue(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {/* Two elements: preact's types tie what an input accepts to its literal type. */}
      {type === 'password' ? <input type="password" {...input} /> : <input type="text" {...input} />}
    </div>
  );
}
