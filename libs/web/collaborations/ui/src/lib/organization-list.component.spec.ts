import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { OrganizationListComponent } from './organization-list.component';

describe('OrganizationListComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ imports: [translocoTesting()] }));

  it('names each organisation with its kind, and the kind only once when it is the name', async () => {
    const fixture = TestBed.createComponent(OrganizationListComponent);
    fixture.componentRef.setInput('organizations', [
      { id: '1', name: 'Arbetsförmedlingen', properName: 'Arbetsförmedlingen', kind: 'EMPLOYMENT_AGENCY' },
      { id: '2', name: 'Campus Helsingborg', properName: 'Campus Helsingborg', kind: 'UNIVERSITY' },
    ]);
    await fixture.whenStable();
    const items = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="organization-list"] li'),
    ).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['Arbetsförmedlingen', 'Campus Helsingborg – Universitet eller högskola']);
  });
});
