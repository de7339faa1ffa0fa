/** A past moment in words ("2 min ago"), with the full date and time on hover. */
import { absoluteTime, relativeTime, shortTime } from '../relative-time.js';
import { useLocale } from '../use-strings.js';

export interface TimeAgoProps {
  iso: string;
  now: number;
  /** Add the clock time ("2 min ago · 03:12"): a tablet has no hover to show the title. */
  clock?: boolean;
  /** Puts the relative time into a sentence ("Acknowledged by Anna 2 min ago"). */
  format?: (ago: string) => string;
}

export function TimeAgo({ iso, now, clock = false, format = (ago) => ago }: TimeAgoProps) {
  const { language, t } = useLocale();
  const relative = format(relativeTime(Date.parse(iso), now, t.time));
  return (
    <time dateTime={iso} title={absoluteTime(iso, language)}>
      {clock ? `${relative} · ${shortTime(iso, now, language)}` : relative}
    </time>
  );
}
