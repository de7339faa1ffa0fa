/**
 * Says plainly when the page is not receiving alerts. Silence is a signal: a dashboard
 * that lost its stream must never look like a quiet night.
 */
import type { ConnectionState } from '../stream-client.js';
import { useStrings } from '../use-strings.js';

export function ConnectionBanner({ connection, onRetry }: { connection: ConnectionState; onRetry(): void }) {
  const t = useStrings();
  // The regions are always there so that assistive technology announces them when they fill.
  return (
    <>
      <div class="connection-region" role="alert">
        {connection.status === 'lost' && (
          <div class="banner banner-lost">
            <p>
              <strong>{t.connection.lost}</strong> {t.connection.lostDetail}
            </p>
            <button type="button" class="button" onClick={onRetry}>
              {t.connection.retryNow}
            </button>
          </div>
        )}
        {connection.status === 'denied' && (
          <div class="banner banner-lost">
            <p>
              <strong>{t.connection.denied}</strong>
            </p>
          </div>
        )}
      </div>
      <div class="connection-region" role="status">
        {connection.status === 'connecting' && (
          <div class="banner banner-info">
            <p>{t.connection.connecting}</p>
          </div>
        )}
      </div>
    </>
  );
}
