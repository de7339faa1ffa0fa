/**
 * Who may publish and subscribe where on the embedded broker: the same rules as the shipped
 * Mosquitto ACL (deploy/mosquitto/acl), so `npm start` and a production Mosquitto treat a
 * device alike. Pure functions of an identity and a topic; the broker asks them per packet.
 *
 * - `service` (Vaka itself): reads every sensor topic; writes only its own state
 *   (`<prefix>/status`, retained, with the last will) and under `<prefix>/service/`.
 * - `bridge` (Zigbee2MQTT): reads and writes under its base topic only.
 * - `device` (a native Vaka device): writes only `<prefix>/sensor/<its device id>`, reads nothing.
 * - everyone logged in may read `<prefix>/status` (online/offline, for an outside monitor).
 * - `anonymous`: only when MQTT_ALLOW_ANONYMOUS is set, for a lab: what aedes allows by default.
 */

export type MqttIdentity =
  | { role: 'service' }
  | { role: 'bridge' }
  | { role: 'device'; deviceId: string }
  | { role: 'anonymous' };

export interface MqttTopics {
  /** VAKA_TOPIC_PREFIX: native devices publish to `<prefix>/sensor/<deviceId>`. */
  nativePrefix: string;
  /** Z2M_BASE_TOPIC. */
  z2mBaseTopic: string;
}

const levels = (topic: string) => topic.split('/');

/** MQTT topic matching [MQTT-4.7.1]: `+` one level, `#` the rest (including the parent). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = levels(filter);
  const t = levels(topic);
  // [MQTT-4.7.2-1] Wildcards at the first level never match topics that start with `$`.
  if (topic.startsWith('$') && (f[0] === '#' || f[0] === '+')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * A subscription filter lies inside `root/#` when its first levels spell `root` literally:
 * then every topic it can match is under root. `#` or `+/sensor/x` never do.
 */
function filterWithin(filter: string, root: string): boolean {
  const f = levels(filter);
  const r = levels(root);
  if (f.length < r.length) return false;
  return r.every((level, i) => f[i] === level);
}

/** Topics an identity may publish to (exact topics and `#`/`+` patterns). */
function writable(identity: MqttIdentity, topics: MqttTopics): string[] {
  switch (identity.role) {
    case 'service':
      return [`${topics.nativePrefix}/status`, `${topics.nativePrefix}/service/#`];
    case 'bridge':
      return [`${topics.z2mBaseTopic}/#`];
    case 'device':
      return [`${topics.nativePrefix}/sensor/${identity.deviceId}`];
    case 'anonymous':
      return ['#'];
  }
}

/** Roots an identity may subscribe under. */
function readableRoots(identity: MqttIdentity, topics: MqttTopics): string[] | 'all' {
  switch (identity.role) {
    case 'service':
      return [topics.nativePrefix, topics.z2mBaseTopic, '$SYS'];
    case 'bridge':
      return [topics.z2mBaseTopic];
    case 'device':
      return [];
    case 'anonymous':
      return 'all';
  }
}

export function canPublish(identity: MqttIdentity, topic: string, topics: MqttTopics): boolean {
  // Nobody writes the broker's own statistics (aedes's default rule too).
  if (topic.startsWith('$')) return false;
  return writable(identity, topics).some((pattern) => topicMatches(pattern, topic));
}

export function canSubscribe(identity: MqttIdentity, filter: string, topics: MqttTopics): boolean {
  // Vaka's online/offline state says nothing about anyone: every login may watch it (an outside monitor).
  if (filter === `${topics.nativePrefix}/status`) return true;
  const roots = readableRoots(identity, topics);
  if (roots === 'all') return true;
  return roots.some((root) => filterWithin(filter, root));
}
