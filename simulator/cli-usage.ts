/** The CLI's help: an overview, and one page per command (`simulate <command> --help`). */
import type { CommandName } from './cli-options.js';

const COHORT = `Homes and readings (one of):
  --scenario FILE         a scenario file, JSON or YAML (simulator/scenarios/, docs/simulator.md)
  --residents N --days D  a cohort from flags: N residents (default 3) for D days, with
    --seed S              random seed (default 1); the same seed gives the same bytes
    --start YYYY-MM-DD    first day, local midnight in Europe/Stockholm (default today)
    --profiles a,b|a=2,b=1  profile mix (default all five equally; docs/simulator.md)
    --incidents default|none  incidents at the default rates (docs/simulator.md) or none (default: default)
  --format vaka|z2m       payload format; with --scenario it replaces the file's (default z2m)`;

const TOPICS = `  --prefix P              Vaka native topic prefix (default vaka)
  --base-topic T          Zigbee2MQTT base topic (default zigbee2mqtt)`;

const BROKER = `Broker:
  --url URL               MQTT broker (default mqtt://127.0.0.1:1883, or MQTT_URL)
  --username NAME         MQTT user name (or MQTT_USERNAME)
  --password SECRET       MQTT password (or MQTT_PASSWORD, which keeps it out of ps)
  --max-in-flight N       QoS 1 messages awaiting their ack at most, 1–65535 (default 500)
  --control-prefix P      listen for injected incidents on P/sim/control (default vaka-sim)`;

const PLAY = `Playing:
  --speed X|max           simulated time per real time: 60 = a minute per second, max = no waiting (default 1)
  --duration D            simulated time to play at most: 90s, 30m, 2h, 1d, 1h30m
  --truth FILE            write the ground truth as JSON lines (before publishing; again at the end
                          if incidents were injected while running)`;

const CHAOS = `Chaos (bad input mixed in; the ground truth stays valid):
  --chaos RATE            the same rate, 0–1 per message, for every kind
  --chaos-kinds K=R,…     per kind: malformed_json, schema_violation, duplicate, out_of_order,
                          clock_skew, oversized, unknown_device (e.g. duplicate=0.02,malformed_json=0.01)`;

const OVERVIEW = `Usage: npm run simulate -- [command] [options]     (command --help for its options)

Commands:
  run (default)   play simulated residents onto MQTT: a cohort (--scenario or --days) or,
                  without either, demo homes living until Ctrl-C
  generate        the same cohort with no broker: messages as JSON lines (--out) and the
                  ground truth (--truth), as fast as the disk takes them
  replay          play a real dataset (van Kasteren houses, any event log) with an injected incident
  list            the homes' rooms and devices, to register them in Vaka (--json for the API)
  summary         the realism summary of a cohort, without publishing
  fall --home N   a fall in home N of a running simulation (through its control topic)
  help --home N   a help-button press, likewise

Examples:
  npm run simulate -- --residents 3 --speed 60
  npm run simulate -- generate --scenario simulator/scenarios/cohort-20x60.yaml --out cohort.jsonl --truth truth.jsonl
  npm run simulate -- run --scenario simulator/scenarios/small-week.json --speed max --truth truth.jsonl
  npm run simulate -- replay --dataset vankasteren --house A --inject fall_no_recovery --speed max
  npm run simulate -- fall --home 2

Exit codes: 0 done, 1 a file or the broker could not be used, 2 a bad command line.
Docs: docs/simulator.md`;

const PAGES: Record<CommandName, string> = {
  run: `Usage: npm run simulate -- run [options]

Plays a cohort onto MQTT, or (without --scenario and --days) demo homes living their everyday
life until Ctrl-C. Prints a progress line, and at the end messages published/acked/failed, the
realism summary, incidents injected and the chaos report.

${COHORT}
  --residents N           without --days: N demo homes, live (default 3)
  --seed N                without --days: seed of the everyday life (default random, printed)
  --start T               without --days: HH:MM (latest such time in Europe/Stockholm) or ISO 8601
                          with offset (default now); native payloads' ts is simulated time
${TOPICS}

${PLAY}

${BROKER}

${CHAOS}

  --list [--json]         print the homes and devices to register, and exit

While running in a terminal: f then a digit = fall in that home, h then a digit = help press, q = quit.
From another shell: npm run simulate -- fall --home N (or mosquitto_pub; the line is printed at start).`,

  generate: `Usage: npm run simulate -- generate (--scenario FILE | --days D …) [options]

Writes the cohort's messages as JSON lines {"at","topic","payload"} (chaos messages add "chaos")
to --out, and the ground truth to --truth, with no broker; without --out it only counts. Then
prints the same summary as run.

${COHORT}
${TOPICS}
  --out FILE              messages as JSON lines (at: ISO 8601 UTC, when the message is sent)
  --truth FILE            the ground truth as JSON lines

${CHAOS}`,

  replay: `Usage: npm run simulate -- replay (--dataset vankasteren --house A–E | --event-log FILE --mapping FILE) [options]

Plays a real dataset onto MQTT as the readings of Vaka devices (docs/replay.md).

Dataset (one of):
  --dataset vankasteren --house A–E   a van Kasteren / Tapia house (--house alone will do)
  --data-dir DIR          their folder (default ../shared/data/vankasteren next to the repository)
  --event-log FILE --mapping FILE     any dataset as an event log (CSV or JSON lines) and a mapping
Replay:
  --start-date YYYY-MM-DD the first replayed day (default: the dataset's own dates)
  --time-zone ZONE        the home's zone (default: the mapping's)
  --inject KIND           fall_no_recovery or night_exit_no_return (at most one per replay)
  --inject-day N|DATE     its day: 0-based index or a local date (default: a fitting day, by --seed)
  --inject-at HH:MM       its time (default: a fitting moment, by --seed)
  --seed N                picks the incident's moment (default 1)
  --format vaka|z2m       payload format (default z2m)
${TOPICS}

${PLAY}

${BROKER}

${CHAOS}

  --list [--json]         print the replay's home and devices to register, and exit`,

  list: `Usage: npm run simulate -- list [cohort options] [--json]

Prints the homes' rooms and device addresses, to register them in Vaka: a table, or with --json
an array of {homeId, name, rooms: [{name, kind}], devices: [{format, address, kind, room, label}]},
the bodies POST /api/v1/residents and POST /api/v1/devices take (room by name; a worn wearable has
room null). Give it the same cohort options as the run whose homes you want.

${COHORT}
  --residents N           without --days: N demo homes (default 3)
${TOPICS}
  --json                  JSON instead of a table`,

  summary: `Usage: npm run simulate -- summary (--scenario FILE | --days D …) [--json] [--reference]

Prints the realism summary of a cohort without publishing: events per resident-day by room,
sensor and reading kind, first activity of the morning by profile, night activity, bathroom
visits, incidents by kind.

${COHORT}
  --json                  the summary as JSON
  --reference             also the numbers as docs/replay.md measures the van Kasteren homes
                          (on-events only), by profile, to compare like with like`,

  fall: `Usage: npm run simulate -- fall [--home N|ID] [options]

Asks a running simulation (run or replay) for a fall in home N (1-based, as list shows, or a home
id such as sim3) through its control topic. Nothing listening, nothing happens.

  --home N|ID             the home (default 1)
  --control-prefix P      the simulation's control prefix (default vaka-sim)
  --url, --username, --password   the broker, as for run
  --direct                publish the fall detector's message yourself instead, for the homes the
                          cohort options give (default: 3 demo homes; --residents, --scenario, …)`,

  help: `Usage: npm run simulate -- help [--home N|ID] [options]

Asks a running simulation for a help-button press in home N, through its control topic.
Options as for fall (npm run simulate -- fall --help).`,
};

export function usage(topic: CommandName | undefined): string {
  return topic === undefined ? OVERVIEW : PAGES[topic];
}
