import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { MunicipalityListComponent } from './municipality-list.component';

describe('MunicipalityListComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ imports: [translocoTesting()] }));

  it('renders one list item per municipality by its proper name with its SCB code, under a named heading', async () => {
    const fixture = TestBed.createComponent(MunicipalityListComponent);
    fixture.componentRef.setInput('municipalities', [
      { id: '1', name: 'Bjuv', properName: 'Bjuvs kommun', municipalityCode: '1260' },
      { id: '2', name: 'Helsingborg', properName: 'Helsingborgs stad', municipalityCode: '1283' },
    ]);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;

    const list = element.querySelector('[data-testid="municipality-list"]');
    const heading = element.querySelector('#' + list?.getAttribute('aria-labelledby'));
    expect(heading?.textContent?.trim()).toBe('Medlemskommuner');
    const items = Array.from(list?.querySelectorAll('li') ?? []);
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Bjuvs kommun');
    expect(items[1].textContent).toContain('Helsingborgs stad');
    expect(items[1].textContent).toContain('1283');
  });

  it('says so when there are no municipalities', async () => {
    const fixture = TestBed.createComponent(MunicipalityListComponent);
    fixture.componentRef.setInput('municipalities', []);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="municipality-list"]')).toBeNull();
    expect(fixture.nativeElement.textContent).toContain('Inga kommuner är med i samverkan ännu.');
  });
});
