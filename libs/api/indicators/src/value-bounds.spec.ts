import { VALUE_BOUNDS, valueOutOfBounds } from './value-bounds';

describe('valueOutOfBounds', () => {
  it('accepts each unit’s bounds and refuses one step past them, saying which bound', () => {
    for (const [unit, { min, max }] of Object.entries(VALUE_BOUNDS)) {
      const typed = unit as keyof typeof VALUE_BOUNDS;
      expect(valueOutOfBounds(typed, min)).toBeNull();
      expect(valueOutOfBounds(typed, max)).toBeNull();
      expect(valueOutOfBounds(typed, max + max / 1e6)).toMatch(/^must be at most /);
      expect(valueOutOfBounds(typed, min - 1)).toMatch(/cannot be negative|^must be at least /);
    }
  });

  it('refuses 1e308 and -1e308 whatever the unit', () => {
    for (const unit of Object.keys(VALUE_BOUNDS) as (keyof typeof VALUE_BOUNDS)[]) {
      expect(valueOutOfBounds(unit, 1e308)).not.toBeNull();
      expect(valueOutOfBounds(unit, -1e308)).not.toBeNull();
    }
  });

  it('names the bound in digits grouped by spaces', () => {
    expect(valueOutOfBounds('COUNT', 1e308)).toBe('must be at most 100 000 000 (COUNT)');
    expect(valueOutOfBounds('PERCENT', -101)).toBe('must be at least -100 (PERCENT)');
    expect(valueOutOfBounds('COUNT', -1)).toBe('a count cannot be negative');
  });
});
