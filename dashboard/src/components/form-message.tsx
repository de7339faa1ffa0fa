/** The outcome of a form, announced politely to screen readers. */
import type { FormMessage } from '../use-submit.js';

export function FormMessageLine({ message }: { message: FormMessage | null }) {
  if (message === null) return null;
  return (
    <p class={message.ok ? 'form-ok' : 'form-error'} role="status">
      {message.text}
    </p>
  );
}
