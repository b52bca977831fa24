import { ALL_ROLES } from '@kraftsamling/shared/permissions';
import { TRANSLATIONS } from '../testing';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      tree,
    );
  return typeof value === 'string' ? value : undefined;
}

describe('translation files', () => {
  it('have exactly the same keys in Swedish and English', () => {
    expect(keys(TRANSLATIONS.en).sort()).toEqual(keys(TRANSLATIONS.sv).sort());
  });

  it('leave no text empty', () => {
    for (const [language, tree] of Object.entries(TRANSLATIONS)) {
      for (const key of keys(tree))
        expect({ language, key, empty: lookup(tree, key)?.trim() === '' }).toEqual({
          language,
          key,
          empty: false,
        });
    }
  });

  it('name every role in the product words', () => {
    for (const role of ALL_ROLES) {
      expect(lookup(TRANSLATIONS.sv, `roles.${role}`)).toBeTruthy();
      expect(lookup(TRANSLATIONS.en, `roles.${role}`)).toBeTruthy();
    }
    expect(lookup(TRANSLATIONS.sv, 'roles.COORDINATOR')).toBe('Samordnare');
    expect(lookup(TRANSLATIONS.en, 'roles.STEERING_MEMBER')).toBe('Steering group member');
    expect(lookup(TRANSLATIONS.sv, 'roles.AGENCY_ANALYST')).toBe('Analytiker (Arbetsförmedlingen)');
  });
});
