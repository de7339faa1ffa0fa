/** The button that turns on sound and notifications (browsers allow both only after a tap). */
import type { CriticalCues } from '../use-critical-cues.js';
import { useStrings } from '../use-strings.js';

export function CuesControl({ cues }: { cues: CriticalCues }) {
  const t = useStrings();
  const wantsTap = !cues.soundReady || cues.notifications === 'default';
  return (
    <div class="cues">
      {wantsTap ? (
        <button type="button" class="button" onClick={cues.enable}>
          {t.cues.enable}
        </button>
      ) : (
        <span class="cues-on">
          <span aria-hidden="true">✓ </span>
          {t.cues.soundOn}
        </span>
      )}
      {cues.notifications === 'denied' && <span class="hint">{t.cues.notificationsBlocked}</span>}
    </div>
  );
}
