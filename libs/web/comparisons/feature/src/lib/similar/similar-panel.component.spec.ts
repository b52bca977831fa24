import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ComparisonService, SimilarMunicipalities } from '@kraftsamling/web/comparisons/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of } from 'rxjs';
import { context } from '../../testing/fixtures';
import { SimilarPanelComponent } from './similar-panel.component';

const FOUND: SimilarMunicipalities = {
  areaCode: '1283',
  indicatorCodes: ['af.bas.utrk.unemployment_share', 'af.bas.utrk.unemployed'],
  periods: ['2025-12', '2025-12'],
  weights: [2, 1],
  values: [15.4, 154],
  similar: [
    {
      areaCode: '1282',
      areaName: 'Landskrona',
      distance: 0.1234,
      contributions: [0.75, 0.25],
      values: [15.1, 120],
    },
    { areaCode: '1260', areaName: 'Bjuv', distance: 0.5, contributions: [0.125, 0.125], values: [12, null] },
  ],
} as SimilarMunicipalities;

describe('SimilarPanelComponent', () => {
  function render() {
    const service = { similar: jest.fn(() => of(FOUND)), savePeerSet: jest.fn(() => of({ id: 'p9' })) };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideNoopAnimations(), { provide: ComparisonService, useValue: service }],
    });
    const fixture = TestBed.createComponent(SimilarPanelComponent);
    fixture.componentRef.setInput('context', context());
    fixture.componentRef.setInput('indicatorCode', 'af.bas.utrk.unemployment_share');
    fixture.componentRef.setInput('focus', '1283');
    fixture.detectChanges();
    return {
      fixture,
      component: fixture.componentInstance,
      element: fixture.nativeElement as HTMLElement,
      service,
    };
  }

  it('starts from the focus municipality and the indicator compared, and sends the weights chosen', () => {
    const { fixture, component, service } = render();
    expect(component.form.getRawValue()).toEqual({
      areaCode: '1283',
      indicators: ['af.bas.utrk.unemployment_share'],
    });
    component.form.controls.indicators.setValue(['af.bas.utrk.unemployment_share', 'af.bas.utrk.unemployed']);
    component.setWeight('af.bas.utrk.unemployment_share', '2');
    fixture.detectChanges();
    component.search();
    expect(service.similar).toHaveBeenCalledWith({
      collaborationId: 'c1',
      areaCode: '1283',
      indicatorCodes: ['af.bas.utrk.unemployment_share', 'af.bas.utrk.unemployed'],
      weights: [2, 1],
      limit: 10,
    });
  });

  it('refuses a weight outside 0–10 without asking the API', () => {
    const { fixture, component, element, service } = render();
    component.setWeight('af.bas.utrk.unemployment_share', '-1');
    fixture.detectChanges();
    component.search();
    fixture.detectChanges();
    expect(service.similar).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Varje vikt ska vara ett tal mellan 0 och 10.',
    );
  });

  it('lists the nearest with distance, each indicator’s share of it (from the terms of the squared distance) and the weights used', () => {
    const { fixture, component, element } = render();
    component.search();
    fixture.detectChanges();
    const table = element.querySelector('[data-testid="similar-table"]')!;
    expect(table.querySelector('caption')?.textContent?.trim()).toBe(
      'Kommuner som liknar Helsingborg mest, närmast först',
    );
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) =>
      th.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(headers).toEqual([
      '#',
      'Kommun',
      'Avstånd',
      'Andel arbetslösa utrikes födda kvinnor vikt 2,0',
      'Arbetslösa utrikes födda kvinnor vikt 1,0',
    ]);
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td, th')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['', 'Helsingborg (utgångspunkt)', '0', '15,4', '154,0'],
      ['1', 'Landskrona', '0,12', '15,1 75 % av avståndet', '120,0 25 % av avståndet'],
      ['2', 'Bjuv', '0,5', '12,0 50 % av avståndet', '– 50 % av avståndet'],
    ]);
  });

  it('saves the municipality and those found as a peer set and says which', () => {
    const { fixture, component, service } = render();
    const saved = jest.fn();
    component.saved.subscribe(saved);
    component.search();
    fixture.detectChanges();
    expect(component.saveForm.controls.title.value).toBe('Liknar Helsingborg');
    component.saveForm.setValue({ title: ' Som Helsingborg ', shared: true });
    component.save(FOUND);
    expect(service.savePeerSet).toHaveBeenCalledWith({
      collaborationId: 'c1',
      title: 'Som Helsingborg',
      areaCodes: ['1283', '1282', '1260'],
      shared: true,
    });
    expect(saved).toHaveBeenCalledWith('p9');
  });
});
