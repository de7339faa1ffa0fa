import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession } from '../../dashboard/src/session.js';
import type { Session } from '../../service/contract.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

const session: Session = {
  token: 'tok',
  expiresAt: '2026-11-20T15:00:00.000Z',
  user: {
    id: '30000000-0000-4000-8000-000000000001',
    username: 'eva',
    displayName: 'Eva Lund',
    role: 'carer',
    teamId: null,
    mustChangePassword: false,
    disabled: false,
    createdAt: '2026-11-01T08:00:00.000Z',
  },
};

describe('the saved session', () => {
  it('survives a reload until it expires, then is dropped', () => {
    const storage = memoryStorage();
    saveSession(session, storage);
    expect(loadSession(storage, Date.parse('2026-11-20T14:59:00Z'))).toEqual(session);
    expect(loadSession(storage, Date.parse('2026-11-20T15:00:00Z'))).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('ignores what is not a session and is gone after sign-out', () => {
    const storage = memoryStorage();
    storage.setItem('vaka.session', '{"token": 42}');
    expect(loadSession(storage)).toBeNull();
    storage.setItem('vaka.session', 'not json');
    expect(loadSession(storage)).toBeNull();
    saveSession(session, storage);
    clearSession(storage);
    expect(loadSession(storage, 0)).toBeNull();
  });

  it('works without storage (private mode): nothing is kept', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveSession(session, broken)).not.toThrow();
    expect(loadSession(broken)).toBeNull();
  });
});
