import { TestBed } from '@angular/core/testing';
import { LanguageService } from '@kraftsamling/web/shared/i18n';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { AccessibilityStatementPage, STATEMENT_DATE } from './accessibility-statement.page';

describe('AccessibilityStatementPage', () => {
  async function render() {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    const fixture = TestBed.createComponent(AccessibilityStatementPage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('follows the structure of DIGG’s model statement', async () => {
    const { element } = await render();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Tillgänglighetsredogörelse');
    const headings = Array.from(element.querySelectorAll('h2')).map((h2) => h2.textContent?.trim());
    expect(headings).toEqual([
      'Hur tillgänglig är tjänsten?',
      'Vad kan du göra om du inte kan använda delar av tjänsten?',
      'Rapportera brister i tjänstens tillgänglighet',
      'Tillsyn',
      'Teknisk information om tjänstens tillgänglighet',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat tjänsten',
    ]);
    expect(element.querySelector('[data-testid="a11y-compliance"]')?.textContent).toContain(
      'WCAG 2.1 på nivå AA',
    );
    expect(element.textContent).toContain('Myndigheten för digital förvaltning');
    expect(element.textContent).toContain('Vi känner inte till några brister');
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe(STATEMENT_DATE);
  });

  it('offers a working way to report a problem, with the expected response time, in the page language', async () => {
    const { element, fixture } = await render();
    const report = element.querySelector<HTMLAnchorElement>('[data-testid="a11y-report-link"]');
    expect(report?.getAttribute('href')).toBe(
      'mailto:tillganglighet@kraftsamling.example?subject=Tillg%C3%A4nglighetsproblem%20i%20Kraftsamling',
    );
    expect(element.textContent).toContain('inom fem arbetsdagar');

    await TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Accessibility statement');
    expect(report?.getAttribute('href')).toBe(
      'mailto:tillganglighet@kraftsamling.example?subject=Accessibility%20problem%20in%20Kraftsamling',
    );
  });
});
