/**
 * The broker's own pass-through: a subscriber that does nothing but count, in a process of its
 * own (like Vaka). → { type: 'subscribe', url, prefix, expected }  ← { type: 'subscribed' },
 * then { type: 'complete', count, lastAt } when `expected` messages arrived (or on { type: 'report' }).
 */
import mqtt from 'mqtt';
import { nowMs } from './ports.js';

let count = 0;
let lastAt = 0;
let expected = Number.POSITIVE_INFINITY;
let reported = false;

function report(): void {
  if (reported) return;
  reported = true;
  process.send?.({ type: 'complete', count, lastAt });
}

process.on('message', (message: { type: string; url?: string; prefix?: string; expected?: number }) => {
  if (message.type === 'subscribe') {
    expected = message.expected ?? expected;
    void (async () => {
      const client = await mqtt.connectAsync(message.url ?? '', { clean: true, reconnectPeriod: 0 });
      client.on('message', () => {
        count++;
        lastAt = nowMs();
        if (count >= expected) report();
      });
      await client.subscribeAsync(`${message.prefix}/#`, { qos: 1 });
      process.send?.({ type: 'subscribed' });
    })();
  } else if (message.type === 'report') {
    report();
  } else if (message.type === 'exit') {
    process.exit(0);
  }
});
