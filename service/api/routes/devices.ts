import { z } from 'zod';
import { DEVICE_ID_PATTERN } from '../../../gateway/formats/vaka-native.js';
import { principalOf } from '../../auth/auth-hooks.js';
import { teamScope } from '../../auth/principal.js';
import { RESERVED_USERNAMES } from '../../broker/mqtt-credentials.js';
import {
  ApiError,
  ClaimInput,
  Device,
  DeviceInput,
  PayloadFormat,
  RegisteredDevice,
  UnclaimedDevice,
} from '../../contract.js';
import { NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const Params = z.object({ id: z.uuid() });

export function deviceRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['devices'];
  app.get(
    '/devices',
    {
      schema: {
        tags,
        summary: 'Registered devices, silent ones (oldest last seen) first',
        querystring: z.object({ residentId: z.uuid().optional() }),
        response: { 200: z.array(Device) },
      },
    },
    (request) =>
      deps.registry.devices.list({ residentId: request.query.residentId, teamIds: teamScope(principalOf(request)) }),
  );

  app.post(
    '/devices',
    {
      schema: {
        tags,
        summary:
          'Register a device to a resident (and room); a native device on the embedded broker also gets its broker login, shown once',
        body: DeviceInput,
        response: { 201: RegisteredDevice, 400: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      await assertRoomOfResident(deps, request.body.residentId, request.body.roomId);
      const device = await deps.registry.register(request.body);
      // Issue 7: onboarding a native device hands out its login at once, so it can publish.
      const mqtt =
        device.format === 'vaka' && deps.mqttCredentials !== undefined && canLogIn(device.address)
          ? await deps.mqttCredentials.issueForDevice(device)
          : undefined;
      return reply.code(201).send(mqtt === undefined ? device : { ...device, mqtt });
    },
  );

  app.get(
    '/devices/:id',
    { schema: { tags, params: Params, response: { 200: Device, 404: ApiError } } },
    async (request) => {
      const device = await deps.registry.devices.get(request.params.id);
      if (device === undefined) throw new NotFoundError(`no device ${request.params.id}`);
      return device;
    },
  );

  app.delete(
    '/devices/:id',
    { schema: { tags, params: Params, response: { 204: z.null(), 404: ApiError } } },
    async (request, reply) => {
      const device = await deps.registry.devices.get(request.params.id);
      if (device === undefined || !(await deps.registry.remove(request.params.id))) {
        throw new NotFoundError(`no device ${request.params.id}`);
      }
      // Its broker login went with it (ON DELETE CASCADE); a connection still open ends now.
      if (device.format === 'vaka') deps.mqttCredentials?.revoked(device.address);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/unclaimed-devices',
    {
      schema: {
        tags,
        summary: 'Devices the broker has seen that are not registered, newest first',
        response: { 200: z.array(UnclaimedDevice) },
      },
    },
    () => deps.registry.unclaimed.list(),
  );

  app.post(
    '/unclaimed-devices/claim',
    {
      schema: {
        tags,
        summary: 'Claim an unclaimed device for a resident',
        body: ClaimInput.extend({ format: PayloadFormat, address: z.string().min(1).max(200) }),
        response: { 201: Device, 400: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const { format, address, ...claim } = request.body;
      if ((await deps.registry.unclaimed.get(format, address)) === undefined) {
        throw new NotFoundError(`no unclaimed ${format} device "${address}"`);
      }
      await assertRoomOfResident(deps, claim.residentId, claim.roomId);
      return reply.code(201).send(await deps.registry.claim(format, address, claim));
    },
  );
}

/** Whether a native device id can be a broker user name (not a service account's). */
function canLogIn(address: string): boolean {
  return DEVICE_ID_PATTERN.test(address) && !RESERVED_USERNAMES.has(address);
}

async function assertRoomOfResident(deps: ApiDeps, residentId: string, roomId: string | null): Promise<void> {
  const resident = await deps.residents.get(residentId);
  if (resident === undefined) throw new NotFoundError(`no resident ${residentId}`);
  if (roomId !== null && !resident.rooms.some((r) => r.id === roomId)) {
    throw new NotFoundError(`room ${roomId} is not in ${resident.name}’s home`);
  }
}
