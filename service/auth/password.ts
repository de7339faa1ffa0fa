/**
 * Password hashing with scrypt (memory-hard, RFC 7914), from Node's own crypto: no native
 * dependency. Parameters N=2^15, r=8, p=3 use 32 MiB per hash and are one of the scrypt
 * settings the OWASP Password Storage Cheat Sheet lists as equivalent to its minimum
 * (N=2^17, r=8, p=1): the same work, a quarter of the memory, which suits a shared 2-core
 * host. The parameters are stored with each hash, so they can be raised later and old hashes
 * still verify.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export const SCRYPT = { N: 2 ** 15, r: 8, p: 3, keyLength: 32, saltLength: 16 } as const;
/** Node refuses scrypt above maxmem; 128 * N * r bytes is what it needs (32 MiB here). */
const MAX_MEM = 128 * 1024 * 1024; // bytes

function derive(password: string, salt: Buffer, N: number, r: number, p: number, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { N, r, p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison of the derived key; a malformed stored hash never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const params = [Number(n), Number(r), Number(p)] as const;
  if (expected.length === 0 || params.some((x) => !Number.isInteger(x) || x < 1)) return false;
  const key = await derive(password, Buffer.from(salt, 'base64'), ...params, expected.length);
  return timingSafeEqual(key, expected);
}

/**
 * A hash of a random password, verified against when the username does not exist, so a
 * failed login takes as long for an unknown user as for a known one (no user enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** A password for a person to type once: 20 characters from an alphabet without look-alikes (~115 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Shortest password Vaka accepts (NIST SP 800-63B asks for at least 8; staff accounts guard health data). */
export const MIN_PASSWORD_LENGTH = 12;
