/** The gateway's options as the gateway tests use them: the default limits, on one broker's own topics. */
import { randomBytes } from 'node:crypto';
import type { GatewayOptions } from '../../gateway/gateway.js';
import { testLogger } from './silent-logger.js';

export function testGatewayOptions(
  broker: { url: string; prefix: string; z2mBase: string },
  overrides: Partial<GatewayOptions> = {},
): GatewayOptions {
  return {
    mqttUrl: broker.url,
    clientId: `vaka-test-${randomBytes(4).toString('hex')}`,
    connectTimeoutMs: 5000,
    now: Date.now,
    logger: testLogger,
    native: { prefix: broker.prefix },
    z2m: { baseTopic: broker.z2mBase },
    maxPayloadBytes: 65_536,
    dedupeWindowMs: 10_000,
    maxClockSkewMs: 300_000,
    ...overrides,
  };
}
