/** Chaos: bad input mixed into a simulated stream, counted with what the gateway should do with it. */
export {
  type Chaos,
  type ChaosInput,
  type ChaosKindReport,
  type ChaosMessage,
  type ChaosReport,
  createChaos,
  type ExpectedGateway,
} from './chaos.js';
export { CHAOS_EXPECTATIONS, type Expectation, type GatewayOutcome } from './expectations.js';
export { formatChaosReport } from './format.js';
export {
  ChaosKind,
  ChaosOptions,
  type ChaosOptionsInput,
  ChaosRates,
  GATEWAY_MAX_CLOCK_SKEW_MS,
  GATEWAY_MAX_PAYLOAD_BYTES,
} from './options.js';
export { type ChaosPublish, chaosPublish, withChaos } from './stream.js';
