/** What a page section shows while its data loads, or when loading failed. */
import type { ComponentChildren } from 'preact';
import type { Loaded } from '../use-load.js';
import { useStrings } from '../use-strings.js';

export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const t = useStrings().pages.common;
  if (loaded.data !== null) {
    return (
      <>
        {loaded.error !== null && <FailedLine onRetry={loaded.reload} />}
        {children(loaded.data)}
      </>
    );
  }
  if (loaded.error !== null) return <FailedLine onRetry={loaded.reload} />;
  return <p class="placeholder">{t.loading}</p>;
}

function FailedLine({ onRetry }: { onRetry: () => void }) {
  const t = useStrings().pages.common;
  return (
    <p class="form-error load-failed" role="status">
      {t.failed}{' '}
      <button type="button" class="button quiet" onClick={onRetry}>
        {t.retry}
      </button>
    </p>
  );
}
