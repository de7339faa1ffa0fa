import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, SCRYPT, verifyPassword } from '../../../service/auth/password.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt per hash', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^scrypt\\$${SCRYPT.N}\\$${SCRYPT.r}\\$${SCRYPT.p}\\$`));
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('uses at least 32 MiB of memory per hash (128·N·r bytes)', () => {
    expect(128 * SCRYPT.N * SCRYPT.r).toBeGreaterThanOrEqual(32 * 1024 * 1024);
  });

  it('never verifies against a malformed stored hash', async () => {
    for (const stored of ['', 'plain', 'scrypt$$$$$', 'scrypt$0$8$1$c2FsdA==$aGFzaA==', 'bcrypt$10$x$y$z$w']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('treats the same password typed in another Unicode form as the same (NFKC)', async () => {
    const stored = await hashPassword('Å-lösenord-1234');
    expect(await verifyPassword('A\u030a-lo\u0308senord-1234', stored)).toBe(true);
  });

  it('generates one-time passwords of 20 unambiguous characters, different each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
