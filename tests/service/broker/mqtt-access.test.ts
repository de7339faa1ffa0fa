/**
 * The embedded broker's topic rules, as the shipped Mosquitto ACL (deploy/mosquitto/acl)
 * states them: a device publishes only to its own topic; only Vaka reads all; the Zigbee2MQTT
 * bridge publishes under its base topic.
 */
import { describe, expect, it } from 'vitest';
import { canPublish, canSubscribe, type MqttIdentity, topicMatches } from '../../../service/broker/mqtt-access.js';

const topics = { nativePrefix: 'vaka', z2mBaseTopic: 'zigbee2mqtt' };
const service: MqttIdentity = { role: 'service' };
const bridge: MqttIdentity = { role: 'bridge' };
const device: MqttIdentity = { role: 'device', deviceId: 'kitchen-pir-01' };

describe('topic matching [MQTT-4.7]', () => {
  it.each([
    ['vaka/#', 'vaka', true],
    ['vaka/#', 'vaka/sensor/a', true],
    ['vaka/+/a', 'vaka/sensor/a', true],
    ['vaka/+', 'vaka/sensor/a', false],
    ['vaka/sensor/a', 'vaka/sensor/ab', false],
    ['#', '$SYS/broker/uptime', false],
  ])('%s against %s is %s', (filter, topic, expected) => {
    expect(topicMatches(filter, topic)).toBe(expected);
  });
});

describe('who may publish where', () => {
  it('a device publishes only to its own topic', () => {
    expect(canPublish(device, 'vaka/sensor/kitchen-pir-01', topics)).toBe(true);
    expect(canPublish(device, 'vaka/sensor/hall-pir-02', topics)).toBe(false);
    expect(canPublish(device, 'vaka/sensor/kitchen-pir-01/x', topics)).toBe(false);
    expect(canPublish(device, 'zigbee2mqtt/hall/sos', topics)).toBe(false);
    expect(canPublish(device, 'vaka/status', topics)).toBe(false);
  });

  it('the bridge publishes under its base topic and nowhere else', () => {
    expect(canPublish(bridge, 'zigbee2mqtt/astrid/hall/sos', topics)).toBe(true);
    expect(canPublish(bridge, 'zigbee2mqtt/bridge/state', topics)).toBe(true);
    expect(canPublish(bridge, 'vaka/sensor/kitchen-pir-01', topics)).toBe(false);
    expect(canPublish(bridge, 'vaka/status', topics)).toBe(false);
  });

  it('Vaka writes its own state and service topics, not sensor topics', () => {
    expect(canPublish(service, 'vaka/status', topics)).toBe(true);
    expect(canPublish(service, 'vaka/service/anything', topics)).toBe(true);
    expect(canPublish(service, 'vaka/sensor/kitchen-pir-01', topics)).toBe(false);
  });

  it('nobody publishes $SYS topics, not even anonymous lab clients', () => {
    expect(canPublish({ role: 'anonymous' }, '$SYS/broker/uptime', topics)).toBe(false);
    expect(canPublish({ role: 'anonymous' }, 'vaka/sensor/x', topics)).toBe(true);
  });
});

describe('who may subscribe to what', () => {
  it('only Vaka reads every sensor topic', () => {
    for (const filter of ['vaka/#', 'vaka/sensor/+', 'zigbee2mqtt/#', '$SYS/broker/uptime']) {
      expect(canSubscribe(service, filter, topics), filter).toBe(true);
    }
    expect(canSubscribe(service, '#', topics)).toBe(false);
  });

  it('a device reads nothing: not #, not another device, not its own topic', () => {
    for (const filter of ['#', '+/sensor/+', 'vaka/#', 'vaka/sensor/kitchen-pir-01', 'zigbee2mqtt/#']) {
      expect(canSubscribe(device, filter, topics), filter).toBe(false);
    }
  });

  it('the bridge reads its base topic only', () => {
    expect(canSubscribe(bridge, 'zigbee2mqtt/#', topics)).toBe(true);
    expect(canSubscribe(bridge, 'zigbee2mqtt/bridge/request/+', topics)).toBe(true);
    expect(canSubscribe(bridge, '#', topics)).toBe(false);
    expect(canSubscribe(bridge, '+/#', topics)).toBe(false);
    expect(canSubscribe(bridge, 'vaka/#', topics)).toBe(false);
  });

  it('every login may watch Vaka’s online state (an outside monitor)', () => {
    for (const identity of [service, bridge, device]) expect(canSubscribe(identity, 'vaka/status', topics)).toBe(true);
  });

  it('base topics with several levels are matched level by level', () => {
    const nested = { nativePrefix: 'home/vaka', z2mBaseTopic: 'home/z2m' };
    expect(canSubscribe(bridge, 'home/z2m/#', nested)).toBe(true);
    expect(canSubscribe(bridge, 'home/#', nested)).toBe(false);
    expect(canPublish({ role: 'device', deviceId: 'd1' }, 'home/vaka/sensor/d1', nested)).toBe(true);
  });
});
