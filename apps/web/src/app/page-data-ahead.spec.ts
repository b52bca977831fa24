import { Injector } from '@angular/core';
import { indicatorPages } from '@kraftsamling/web/indicators/feature/page-code';
import { readPageDataAhead } from './page-data-ahead';

const CODE = 'af.bas.utrk.unemployment_share';

describe('readPageDataAhead', () => {
  const injector = Injector.create({ providers: [] });
  afterEach(() => jest.restoreAllMocks());

  it("asks for an indicator page's data by the address's slug and code", async () => {
    const read = jest.fn();
    jest.spyOn(indicatorPages.indicator, 'readAhead').mockResolvedValue(read);
    readPageDataAhead(injector, `/s/familjen-helsingborg/nyckeltal/${CODE}`);
    await new Promise((resolve) => setTimeout(resolve));
    expect(read).toHaveBeenCalledWith(injector, { slug: 'familjen-helsingborg', code: CODE });
  });

  it.each([
    '/s/familjen-helsingborg/nyckeltal',
    '/s/familjen-helsingborg/nyckeltal/registrera',
    '/s/familjen-helsingborg/jamfor',
    '/',
  ])('reads nothing ahead for %s', (address) => {
    const readAhead = jest.spyOn(indicatorPages.indicator, 'readAhead');
    readPageDataAhead(injector, address);
    expect(readAhead).not.toHaveBeenCalled();
  });

  it('lets a failed read ahead pass without an unhandled rejection', async () => {
    jest.spyOn(indicatorPages.indicator, 'readAhead').mockRejectedValue(new Error('chunk failed'));
    expect(() => readPageDataAhead(injector, `/s/familjen-helsingborg/nyckeltal/${CODE}`)).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve));
  });
});
