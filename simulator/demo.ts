/**
 * `npm run demo`: Vaka as `npm start` runs it, plus simulated residents publishing to its
 * broker, so a newcomer sees live residents at once and alerts within a minute. This file is
 * a composition root: it starts the service and drives it from outside, as sensors would.
 */
import { pino } from 'pino';
import { DEMO_USERNAME } from '../service/broker/mqtt-credentials.js';
import type { Device as ServiceDevice } from '../service/contract.js';
import { main } from '../service/main.js';
import type { Vaka } from '../service/vaka.js';
import type { Home, PayloadFormat } from './contract.js';
import { DEMO_TIME_ZONE, demoHomes } from './homes.js';
import { hm, nextLocal } from './local-time.js';
import { connectPublisher } from './mqtt-publisher.js';
import { createSimulation } from './runner.js';

const FORMAT: PayloadFormat = 'z2m';
const HOMES = 3;
/** The demo day runs 20× faster than real time, starting at 07:30 local, so residents are up and about. */
const SPEED = 20;
/** Incidents after start, in wall-clock milliseconds: a help press, then a fall. */
const HELP_AFTER_MS = 15_000;
const FALL_AFTER_MS = 40_000;

const log = pino({ base: { part: 'demo' } });

/** Registers the demo homes (residents, rooms, devices) unless an earlier demo already did. */
async function registerHomes(vaka: Vaka, homes: readonly Home[]): Promise<void> {
  for (const home of homes) {
    const first = home.devices[0];
    if (first && vaka.registry.lookup(FORMAT, first.address)) continue;
    const resident = await vaka.residents.create({
      name: home.resident,
      rooms: home.rooms.map((room) => ({ name: room.name, kind: room.kind })),
    });
    for (const device of home.devices) {
      // A wearable goes where its wearer goes: it belongs to no room.
      const room = device.kind === 'wearable' ? undefined : resident.rooms.find((r) => r.name === device.room);
      const roomId = room?.id ?? null;
      const registered: ServiceDevice = await vaka.registry.register({
        format: FORMAT,
        address: device.address,
        residentId: resident.id,
        roomId,
        kind: device.kind,
        label: null,
      });
      log.debug({ device: registered.id }, 'demo device registered');
    }
  }
}

async function demo(): Promise<void> {
  let stop = async () => {};
  const vaka = await main(process.env, { beforeStop: () => stop() });
  if (vaka === undefined) return;
  const homes = demoHomes(HOMES, FORMAT);
  await registerHomes(vaka, homes);
  // On the embedded broker the simulated sensors log in as a Zigbee2MQTT bridge would, with a
  // login that lives only in this process (issue 7: the broker refuses anonymous clients).
  const login = vaka.mqttCredentials?.internalLogin(DEMO_USERNAME, { role: 'bridge' });
  const publisher = await connectPublisher({ url: vaka.mqttUrl, connectTimeoutMs: 10_000, ...login });
  const simulation = createSimulation({
    publish: publisher.publish,
    homes,
    format: FORMAT,
    seed: 1,
    start: nextLocal(Date.now() - 86_400_000, hm(7, 30), DEMO_TIME_ZONE),
    speed: SPEED,
    now: Date.now,
    setTimer: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
  });
  simulation.start();
  const incidents = [
    setTimeout(() => void simulation.trigger('help', 1), HELP_AFTER_MS),
    setTimeout(() => void simulation.trigger('fall', 0), FALL_AFTER_MS),
  ];
  for (const t of incidents) t.unref();
  log.info(
    { residents: homes.length, helpInS: HELP_AFTER_MS / 1000, fallInS: FALL_AFTER_MS / 1000 },
    'demo residents are live; a help press and a fall follow',
  );
  stop = async () => {
    for (const t of incidents) clearTimeout(t);
    await simulation.stop();
    await publisher.close();
  };
}

await demo();
