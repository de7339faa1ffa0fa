/**
 * Where the tests find real services. With TEST_DATABASE_URL / TEST_MQTT_URL set they run
 * against PostgreSQL and Mosquitto; otherwise against the embedded ones. Under CI=true both
 * must be set: a CI run that silently fell back to the embedded ones would prove less.
 */
export const testEnv = {
  databaseUrl: process.env.TEST_DATABASE_URL || undefined,
  mqttUrl: process.env.TEST_MQTT_URL || undefined,
  ci: process.env.CI === 'true',
};

export function assertCiServices(): void {
  if (!testEnv.ci) return;
  const missing = [
    testEnv.databaseUrl ? undefined : 'TEST_DATABASE_URL',
    testEnv.mqttUrl ? undefined : 'TEST_MQTT_URL',
  ].filter(Boolean);
  if (missing.length > 0) throw new Error(`CI=true but ${missing.join(' and ')} not set`);
}
