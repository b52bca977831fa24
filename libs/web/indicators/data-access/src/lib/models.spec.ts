import { indicatorDescription, indicatorName, indicatorPermissions, isKnownTheme } from './models';

describe('indicator helpers', () => {
  it('grants import, entry and management only for the permissions the API listed', () => {
    expect(indicatorPermissions(['indicator:read', 'indicator:import'])).toEqual({
      canImport: true,
      canImportOfficial: false,
      canEnter: false,
      canManage: false,
    });
    expect(indicatorPermissions(['values:enter'])).toEqual({
      canImport: false,
      canImportOfficial: false,
      canEnter: true,
      canManage: false,
    });
    // An API that does not know the indicator permissions yet grants nothing.
    expect(indicatorPermissions(['collaboration:read'])).toEqual({
      canImport: false,
      canImportOfficial: false,
      canEnter: false,
      canManage: false,
    });
    expect(indicatorPermissions(undefined).canImport).toBe(false);
  });

  it('grants official imports only for the platform permission, not for a role in the collaboration', () => {
    expect(indicatorPermissions(['indicator:import'], []).canImportOfficial).toBe(false);
    expect(indicatorPermissions(['indicator:read'], ['official:import'])).toMatchObject({
      canImport: false,
      canImportOfficial: true,
    });
  });

  it('names an indicator in the language shown, falling back to the other language', () => {
    const indicator = {
      nameSv: 'Folkmängd',
      nameEn: 'Population',
      descriptionSv: 'Den 31 december.',
      descriptionEn: null,
    };
    expect(indicatorName(indicator, 'sv')).toBe('Folkmängd');
    expect(indicatorName(indicator, 'en')).toBe('Population');
    expect(indicatorDescription(indicator, 'en')).toBe('Den 31 december.');
    expect(isKnownTheme('unemployment-bas')).toBe(true);
    expect(isKnownTheme('Insatser')).toBe(false);
  });
});
