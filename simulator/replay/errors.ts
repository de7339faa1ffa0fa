/**
 * The replay's named errors. Each has a stable code and says which file, line or choice it is
 * about, so a tester can fix the input without reading the code.
 */

/** A dataset, event-log or mapping file that is missing or cannot be read as its format says. */
export class ReplayInputError extends Error {
  readonly code = 'VAKA_REPLAY_BAD_INPUT';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file} line ${line}: ${problem}`);
    this.name = 'ReplayInputError';
  }
}

export interface UnmappedSensor {
  id: string;
  /** Where the id first occurs. */
  file: string;
  line: number;
}

/** The data mention sensors the mapping file does not map to a Vaka device. */
export class UnmappedSensorError extends Error {
  readonly code = 'VAKA_REPLAY_UNMAPPED_SENSOR';
  constructor(
    readonly mapping: string,
    readonly sensors: readonly UnmappedSensor[],
  ) {
    const list = sensors.map((s) => `"${s.id}" (${s.file} line ${s.line})`).join(', ');
    super(`mapping ${mapping} does not map sensor${sensors.length === 1 ? '' : 's'} ${list}: add them under "sensors"`);
    this.name = 'UnmappedSensorError';
  }
}

/** An incident cannot be placed as asked: no moment fits, or the home lacks the device it needs. */
export class IncidentPlacementError extends Error {
  readonly code = 'VAKA_REPLAY_INCIDENT_PLACEMENT';
  constructor(message: string) {
    super(message);
    this.name = 'IncidentPlacementError';
  }
}
