import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { LOG_REDACTIONS } from '../../service/main.js';

describe('process log', () => {
  it('never carries credentials, tokens or the row a database error quotes', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const log = pino({ redact: LOG_REDACTIONS }, sink);
    log.error({
      req: { headers: { authorization: 'Bearer tok-123', 'sec-websocket-protocol': 'vaka.v1, vaka.token.tok-456' } },
      body: { username: 'eva', password: 'hunter2-hunter2', token: 'tok-789' },
      change: { currentPassword: 'old-secret', newPassword: 'new-secret' },
      err: { message: 'new row violates check constraint', detail: 'Failing row contains (Astrid Lindqvist)' },
    });
    for (const secret of ['tok-123', 'tok-456', 'hunter2', 'tok-789', 'old-secret', 'new-secret', 'Astrid']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
    expect(out).toContain('new row violates check constraint');
  });
});
