/**
 * The journal's on-disk record: a length and a CRC-32 in front of each body, so a record cut
 * short by a kill in the middle of a write (or a flipped bit) is recognised and not replayed.
 *
 *   u32 body length | u32 CRC-32 of the body | body
 *   body: u8 kind, then
 *     message (1):        f64 seq, f64 receivedAt (ms), u16 MQTT packet id (0: QoS 0), u16 topic bytes,
 *                         topic (UTF-8), payload
 *     committed mark (2): f64 seq — every message up to seq has had its effects stored
 *     model mark (3):     f64 seq — the saved behaviour models include every message up to seq
 *
 * Little-endian; f64 holds a sequence exactly up to 2^53 (at 100,000 messages/s, 2,800 years).
 */
import { crc32 } from 'node:zlib';

export const HEADER_BYTES = 8;
const MESSAGE_FIXED = 1 + 8 + 8 + 2 + 2;
const MARK_BYTES = 1 + 8;
/** MQTT topics are at most 65,535 bytes (MQTT 3.1.1 §1.5.3), so a u16 length always fits. */
const MAX_TOPIC_BYTES = 0xffff;

export type JournalEntry =
  | { kind: 'message'; seq: number; receivedAt: number; packetId: number; topic: string; payload: Buffer }
  | { kind: 'committed' | 'model'; seq: number };

const KIND_CODES = { message: 1, committed: 2, model: 3 } as const;

export function encodeMessage(
  seq: number,
  receivedAt: number,
  packetId: number,
  topic: string,
  payload: Uint8Array,
): Buffer {
  const topicBytes = Buffer.byteLength(topic, 'utf8');
  if (topicBytes > MAX_TOPIC_BYTES) throw new RangeError(`topic of ${topicBytes} bytes`);
  const body = MESSAGE_FIXED + topicBytes + payload.byteLength;
  const buf = Buffer.allocUnsafe(HEADER_BYTES + body);
  let o = HEADER_BYTES;
  buf.writeUInt8(KIND_CODES.message, o);
  buf.writeDoubleLE(seq, o + 1);
  buf.writeDoubleLE(receivedAt, o + 9);
  buf.writeUInt16LE(packetId, o + 17);
  buf.writeUInt16LE(topicBytes, o + 19);
  o += MESSAGE_FIXED;
  o += buf.write(topic, o, 'utf8');
  buf.set(payload, o);
  return seal(buf, body);
}

export function encodeMark(kind: 'committed' | 'model', seq: number): Buffer {
  const buf = Buffer.allocUnsafe(HEADER_BYTES + MARK_BYTES);
  buf.writeUInt8(KIND_CODES[kind], HEADER_BYTES);
  buf.writeDoubleLE(seq, HEADER_BYTES + 1);
  return seal(buf, MARK_BYTES);
}

function seal(buf: Buffer, body: number): Buffer {
  buf.writeUInt32LE(body, 0);
  buf.writeUInt32LE(crc32(buf.subarray(HEADER_BYTES)), 4);
  return buf;
}

/** One decoded record and where the next begins; `torn` when the bytes at `offset` are not a whole, intact record. */
export type Decoded = { entry: JournalEntry; next: number } | { torn: true };

export function decodeAt(buf: Buffer, offset: number): Decoded {
  if (offset + HEADER_BYTES > buf.length) return { torn: true };
  const body = buf.readUInt32LE(offset);
  const start = offset + HEADER_BYTES;
  const end = start + body;
  if (body < MARK_BYTES || end > buf.length) return { torn: true };
  if (crc32(buf.subarray(start, end)) !== buf.readUInt32LE(offset + 4)) return { torn: true };
  const kind = buf.readUInt8(start);
  const seq = buf.readDoubleLE(start + 1);
  if (kind === KIND_CODES.committed && body === MARK_BYTES) return { entry: { kind: 'committed', seq }, next: end };
  if (kind === KIND_CODES.model && body === MARK_BYTES) return { entry: { kind: 'model', seq }, next: end };
  if (kind !== KIND_CODES.message || body < MESSAGE_FIXED) return { torn: true };
  const receivedAt = buf.readDoubleLE(start + 9);
  const packetId = buf.readUInt16LE(start + 17);
  const topicEnd = start + MESSAGE_FIXED + buf.readUInt16LE(start + 19);
  if (topicEnd > end) return { torn: true };
  const topic = buf.toString('utf8', start + MESSAGE_FIXED, topicEnd);
  // A view into the segment's bytes, not a copy: ingest reads it at once and keeps no reference.
  const payload = buf.subarray(topicEnd, end);
  return { entry: { kind: 'message', seq, receivedAt, packetId, topic, payload }, next: end };
}
