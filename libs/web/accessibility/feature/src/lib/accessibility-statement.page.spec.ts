import { TestBed } from '@angular/core/testing';
import { LanguageService } from '@kraftsamling/web/shared/i18n';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { AccessibilityStatementPage, KNOWN_SHORTCOMINGS } from './accessibility-statement.page';
import { PLATFORM_OPERATOR, STATEMENT_PUBLISHED, STATEMENT_REVIEWED } from './statement-config';

describe('AccessibilityStatementPage', () => {
  async function render() {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    const fixture = TestBed.createComponent(AccessibilityStatementPage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('follows the structure of DIGG’s model statement: organisation, partial compliance, shortcomings, dates', async () => {
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
    expect(element.querySelector('[data-testid="a11y-operator"]')?.textContent).toContain(PLATFORM_OPERATOR.name);
    expect(element.textContent).toContain('delvis förenlig');
    expect(element.textContent).not.toContain('helt förenlig');
    expect(element.querySelectorAll('[data-testid="a11y-shortcomings"] li')).toHaveLength(KNOWN_SHORTCOMINGS.length);
    expect(element.textContent).toContain('datatabell');
    expect(element.querySelector('a[href="https://www.digg.se/tdosanmalan"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="a11y-published"]')?.getAttribute('datetime')).toBe(STATEMENT_PUBLISHED);
    expect(element.querySelector('[data-testid="a11y-reviewed"]')?.getAttribute('datetime')).toBe(STATEMENT_REVIEWED);
  });

  it('has a report form that refuses an empty description and mails the description and page in the user’s language', async () => {
    const { element, fixture } = await render();
    const page = fixture.componentInstance;
    element.querySelector<HTMLButtonElement>('[data-testid="a11y-report-send"]')?.click();
    await fixture.whenStable();
    expect(element.querySelector('mat-error')?.textContent).toContain('Beskriv problemet innan du skickar.');
    expect(page.sent()).toBe(false);

    page.report.setValue({ description: 'Diagrammet går inte att nå med tangentbordet', page: 'Nyckeltal' });
    await fixture.whenStable();
    const href = element.querySelector('[data-testid="a11y-report-link"]')?.getAttribute('href');
    expect(href).toBe(
      `mailto:${PLATFORM_OPERATOR.accessibilityEmail}?subject=Tillg%C3%A4nglighetsproblem%20i%20Kraftsamling&body=` +
        encodeURIComponent('Diagrammet går inte att nå med tangentbordet\n\nSida eller adress (frivilligt): Nyckeltal'),
    );
    expect(element.textContent).toContain('inom fem arbetsdagar');

    await TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Accessibility statement');
    expect(element.querySelector('[data-testid="a11y-report-link"]')?.getAttribute('href')).toContain(
      '?subject=Accessibility%20problem%20in%20Kraftsamling&body=',
    );
  });
});
