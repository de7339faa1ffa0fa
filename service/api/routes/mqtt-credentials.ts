/**
 * Broker logins of the embedded broker (issue 7): a native device's, and the Zigbee2MQTT
 * bridge's. Each call makes a new password, shown in this answer only (stored as a hash), and
 * the old one stops working. With an external broker (MQTT_URL) the accounts live there
 * (deploy/mosquitto/make-passwd.sh), and these answer 409.
 */
import { z } from 'zod';
import { CredentialsRefusedError, type MqttCredentials } from '../../broker/mqtt-credentials.js';
import { ApiError, MqttLogin } from '../../contract.js';
import { NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

export function embeddedCredentials(deps: ApiDeps): MqttCredentials {
  if (deps.mqttCredentials === undefined) {
    throw new CredentialsRefusedError(
      'Vaka uses an external broker (MQTT_URL): create its logins there (deploy/mosquitto/make-passwd.sh)',
    );
  }
  return deps.mqttCredentials;
}

export function mqttCredentialRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['devices'];
  app.post(
    '/devices/:id/mqtt-credentials',
    {
      schema: {
        tags,
        summary: 'A new broker login for a native device (replaces its old password; shown once)',
        params: z.object({ id: z.uuid() }),
        response: { 201: MqttLogin, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const device = await deps.registry.devices.get(request.params.id);
      if (device === undefined) throw new NotFoundError(`no device ${request.params.id}`);
      return reply.code(201).send(await embeddedCredentials(deps).issueForDevice(device));
    },
  );

  app.post(
    '/mqtt/bridge-credentials',
    {
      schema: {
        tags,
        summary: 'A new broker login for the Zigbee2MQTT bridge (replaces its old password; shown once)',
        response: { 201: MqttLogin, 409: ApiError },
      },
    },
    async (_request, reply) => reply.code(201).send(await embeddedCredentials(deps).issueForBridge()),
  );
}
