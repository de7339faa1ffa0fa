/** Injecting incidents into a running simulation over MQTT: `<prefix>/sim/control`. */
export {
  ControlMessage,
  type ControlParse,
  controlTopic,
  DEFAULT_CONTROL_PREFIX,
  MAX_CONTROL_BYTES,
  parseControl,
  resolveHome,
} from './control-message.js';
export {
  type ControlClient,
  type ControlOptions,
  type IncidentHandler,
  publishControl,
  subscribeControl,
} from './control-topic.js';
export { type SendControlOptions, sendControl } from './send.js';
