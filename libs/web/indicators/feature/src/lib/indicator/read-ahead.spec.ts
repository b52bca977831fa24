import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { IndicatorService } from '@kraftsamling/web/indicators/data-access';
import { EMPTY } from 'rxjs';
import { indicatorPages } from '../../page-code';

const CODE = 'af.bas.utrk.unemployment_share';

describe("the indicator page's read ahead", () => {
  it('asks for the collaboration (kept for the page and its guard), the series and the region by the slug', async () => {
    const collaboration = jest.fn(() => EMPTY);
    const readIndicatorPageAhead = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        { provide: CollaborationService, useValue: { collaboration } },
        { provide: IndicatorService, useValue: { readIndicatorPageAhead } },
      ],
    });
    const read = await indicatorPages.indicator.readAhead();
    read(TestBed.inject(EnvironmentInjector), { slug: 'familjen-helsingborg', code: CODE });
    expect(collaboration).toHaveBeenCalledWith('familjen-helsingborg', true);
    expect(readIndicatorPageAhead).toHaveBeenCalledWith('familjen-helsingborg', CODE);
  });
});
