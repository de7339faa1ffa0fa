/**
 * Text for the page's assertive live region (role="alert"). Screen readers announce a
 * change of its text; clearing it first makes the same words announce again.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Long enough for assistive technology to notice the region emptied. */
const CLEAR_BEFORE_MS = 100; // ms

export function useAnnouncer(): [message: string, announce: (text: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((text: string) => {
    clearTimeout(timer.current);
    setMessage('');
    timer.current = setTimeout(() => setMessage(text), CLEAR_BEFORE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [message, announce];
}
