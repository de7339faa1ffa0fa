import { describe, expect, it } from 'vitest';
import { initialLanguage, saveLanguage } from '../../dashboard/src/language-choice.js';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('the page language', () => {
  it('follows the browser until someone chooses, then keeps their choice', () => {
    const storage = memoryStorage();
    expect(initialLanguage(['sv-SE', 'en'], storage)).toBe('sv');
    saveLanguage('en', storage);
    expect(initialLanguage(['sv-SE', 'en'], storage)).toBe('en');
  });

  it('ignores a stored value that is not a language it has', () => {
    const storage = memoryStorage();
    storage.setItem('vaka.language', 'tlh');
    expect(initialLanguage(['sv'], storage)).toBe('sv');
  });

  it('still works where storage is blocked', () => {
    const blocked = memoryStorage();
    blocked.getItem = () => {
      throw new Error('SecurityError');
    };
    blocked.setItem = () => {
      throw new Error('SecurityError');
    };
    expect(initialLanguage(['en-GB'], blocked)).toBe('en');
    expect(() => saveLanguage('sv', blocked)).not.toThrow();
  });
});
