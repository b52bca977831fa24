import {
  DEFAULT_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  isLanguage,
  rememberLanguage,
  storedLanguage,
} from './languages';

describe('languages', () => {
  function memoryStorage(initial: Record<string, string> = {}) {
    const values = new Map(Object.entries(initial));
    return {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      values,
    };
  }

  it('defaults to Swedish when nothing (or nonsense) is stored', () => {
    expect(DEFAULT_LANGUAGE).toBe('sv');
    expect(storedLanguage(memoryStorage())).toBe('sv');
    expect(storedLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'de' }))).toBe('sv');
    expect(storedLanguage(null)).toBe('sv');
  });

  it('returns the remembered language', () => {
    const storage = memoryStorage();
    rememberLanguage('en', storage);
    expect(storage.values.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(storedLanguage(storage)).toBe('en');
  });

  it('falls back to Swedish when storage throws (disabled by policy)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(storedLanguage(broken)).toBe('sv');
    expect(() =>
      rememberLanguage('en', {
        setItem: () => {
          throw new Error('denied');
        },
      }),
    ).not.toThrow();
  });

  it('recognises only the product languages', () => {
    expect(isLanguage('sv')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('EN')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
