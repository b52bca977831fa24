import { bySwedish, compareSwedish } from './collation';

describe('Swedish collation', () => {
  it('puts Å, Ä, Ö after Z, in that order', () => {
    expect(['Ö', 'Z', 'Ä', 'A', 'Å'].sort(compareSwedish)).toEqual(['A', 'Z', 'Å', 'Ä', 'Ö']);
  });

  it('puts Åstorp before Ängelholm, and both after Vellinge', () => {
    expect(['Ängelholm', 'Örkelljunga', 'Åstorp', 'Bjuv', 'Vellinge'].sort(compareSwedish)).toEqual([
      'Bjuv',
      'Vellinge',
      'Åstorp',
      'Ängelholm',
      'Örkelljunga',
    ]);
  });

  it('orders items by a text of theirs, numbers by value', () => {
    const items = [{ name: 'Unga 100+' }, { name: 'Unga 18–24' }, { name: 'Ängelholm' }, { name: 'Åstorp' }];
    expect(items.sort(bySwedish((item) => item.name)).map((item) => item.name)).toEqual([
      'Unga 18–24',
      'Unga 100+',
      'Åstorp',
      'Ängelholm',
    ]);
  });
});
