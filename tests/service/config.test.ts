import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../service/config.js';

describe('configuration', () => {
  it('defaults to the embedded broker and database on the documented ports', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(8080);
    expect(c.mqtt).toMatchObject({ url: undefined, embeddedPort: 1883 });
    expect(c.database).toEqual({ url: undefined, dataDir: './data' });
    expect(c.detectors).toEqual({ sensorSilentMs: 180 * 60_000, batteryLowPct: 15 });
  });

  it('switches to real services by URL and converts units', () => {
    const c = loadConfig({
      MQTT_URL: 'mqtt://mosquitto:1883',
      DATABASE_URL: 'postgres://vaka@db/vaka',
      SENSOR_SILENT_MIN: '60',
      DEDUPE_WINDOW_S: '5',
      PORT: '9000',
    });
    expect(c.mqtt.url).toBe('mqtt://mosquitto:1883');
    expect(c.database.url).toBe('postgres://vaka@db/vaka');
    expect(c.detectors.sensorSilentMs).toBe(3_600_000);
    expect(c.gateway.dedupeWindowMs).toBe(5000);
    expect(c.http.port).toBe(9000);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ MQTT_URL: '', DATABASE_URL: '' }).mqtt.url).toBeUndefined();
  });

  it('rejects a bad value with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MQTT_URL: 'not a url' })).toThrow(/MQTT_URL/);
  });

  it('takes the first admin from VAKA_ADMIN_USER / VAKA_ADMIN_PASSWORD, refusing a short password', () => {
    expect(loadConfig({}).auth).toMatchObject({
      adminUser: undefined,
      adminPassword: undefined,
      sessionMs: 12 * 3_600_000,
    });
    const c = loadConfig({ VAKA_ADMIN_USER: 'Chief', VAKA_ADMIN_PASSWORD: 'long-enough-secret' });
    expect(c.auth).toMatchObject({ adminUser: 'chief', adminPassword: 'long-enough-secret' });
    expect(() => loadConfig({ VAKA_ADMIN_PASSWORD: 'short' })).toThrow(/VAKA_ADMIN_PASSWORD/);
    expect(loadConfig({ VAKA_ADMIN_PASSWORD: '' }).auth.adminPassword).toBeUndefined();
    expect(() => loadConfig({ VAKA_ADMIN_USER: 'has space' })).toThrow(/VAKA_ADMIN_USER/);
  });
});
