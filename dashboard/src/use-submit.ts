/** A form's submit: busy while it runs, then the success text or the failure in words. */
import { useCallback, useState } from 'preact/hooks';
import { formErrorText } from './form-error.js';
import { useStrings } from './use-strings.js';

export interface FormMessage {
  ok: boolean;
  text: string;
}

export interface Submit {
  busy: boolean;
  message: FormMessage | null;
  /** Runs `work`, which resolves to the text to show on success. */
  run(work: () => Promise<string>): Promise<void>;
  /** Shows a problem found before sending (a missing choice). */
  fail(text: string): void;
}

export function useSubmit(): Submit {
  const t = useStrings();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const run = useCallback(
    async (work: () => Promise<string>) => {
      setBusy(true);
      setMessage(null);
      try {
        setMessage({ ok: true, text: await work() });
      } catch (error) {
        setMessage({ ok: false, text: formErrorText(error, t.errors) });
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  const fail = useCallback((text: string) => setMessage({ ok: false, text }), []);
  return { busy, message, run, fail };
}
