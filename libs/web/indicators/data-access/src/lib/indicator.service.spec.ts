import { TestBed } from '@angular/core/testing';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { MeGQL } from '@kraftsamling/web/shared/graphql/me';
import { IndicatorSeriesGQL, RegionSeriesGQL } from '@kraftsamling/web/shared/graphql/indicators';
import { Apollo } from 'apollo-angular';
import { Subject, firstValueFrom, of } from 'rxjs';
import { IndicatorService } from './indicator.service';

const me = {
  id: 'u1',
  name: 'Test Testsson',
  access: [{ collaborationId: 'c1', slug: 'familjen-helsingborg', name: 'FH', roles: [], permissions: [] }],
};
const CODE = 'af.bas.utrk.unemployment_share';

describe('IndicatorService: an indicator page read ahead', () => {
  function setUp() {
    const meAnswer = new Subject<{ data: { me: typeof me } }>();
    const seriesFetch = jest.fn((options: { variables: Record<string, unknown> }) =>
      of({ data: { indicatorSeries: { asked: options.variables } } }),
    );
    const regionFetch = jest.fn((options: { variables: Record<string, unknown> }) =>
      of({ data: { regionSeries: { asked: options.variables } } }),
    );
    TestBed.configureTestingModule({
      providers: [
        { provide: MeGQL, useValue: { fetch: () => meAnswer } },
        { provide: IndicatorSeriesGQL, useValue: { fetch: seriesFetch } },
        { provide: RegionSeriesGQL, useValue: { fetch: regionFetch } },
        // The service's other queries and mutations are not used here.
        { provide: Apollo, useValue: {} },
      ],
    });
    const answerMe = async () => {
      const loaded = TestBed.inject(MeStore).load();
      meAnswer.next({ data: { me } });
      meAnswer.complete();
      await loaded;
    };
    return { service: TestBed.inject(IndicatorService), seriesFetch, regionFetch, answerMe };
  }

  it('asks for the series and the region at once; the page, asking by the id once me has answered, takes them', async () => {
    const { service, seriesFetch, regionFetch, answerMe } = setUp();
    service.readIndicatorPageAhead('familjen-helsingborg', CODE);
    expect(seriesFetch).toHaveBeenCalledTimes(1);
    expect(regionFetch).toHaveBeenCalledTimes(1);
    expect(seriesFetch.mock.calls[0]![0].variables).toMatchObject({
      collaborationId: 'familjen-helsingborg',
      code: CODE,
    });

    await answerMe();
    const series = await firstValueFrom(service.series('c1', CODE));
    const region = await firstValueFrom(service.regionSeries('c1', CODE));
    expect(series).toEqual({ asked: expect.objectContaining({ collaborationId: 'familjen-helsingborg' }) });
    expect(region).toEqual({ asked: expect.objectContaining({ collaborationId: 'familjen-helsingborg' }) });
    expect([seriesFetch.mock.calls.length, regionFetch.mock.calls.length]).toEqual([1, 1]);

    // Taken once: a reload of the page asks the server.
    await firstValueFrom(service.series('c1', CODE));
    expect(seriesFetch).toHaveBeenCalledTimes(2);
  });

  it('asks the server for another indicator, a narrower read or another collaboration', async () => {
    const { service, seriesFetch } = setUp();
    service.readIndicatorPageAhead('familjen-helsingborg', CODE);
    await firstValueFrom(service.series('familjen-helsingborg', CODE, { from: '2024-01' }));
    expect(seriesFetch).toHaveBeenCalledTimes(2);

    service.readIndicatorPageAhead('familjen-helsingborg', CODE);
    await firstValueFrom(service.series('sandviken', CODE));
    expect(seriesFetch).toHaveBeenCalledTimes(4);
    expect(seriesFetch.mock.calls[3]![0].variables).toMatchObject({ collaborationId: 'sandviken' });
  });
});
