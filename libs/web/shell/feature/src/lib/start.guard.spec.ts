import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { startRedirectGuard } from './start.guard';

@Component({ template: 'start page' })
class StartStub {}

@Component({ template: 'collaboration home' })
class HomeStub {}

describe('startRedirectGuard', () => {
  function setup(slugs: string[] | null) {
    const me = slugs && { access: slugs.map((slug) => ({ slug })) };
    TestBed.configureTestingModule({
      providers: [
        { provide: MeStore, useValue: { load: jest.fn(async () => me) } },
        provideRouter([
          { path: '', pathMatch: 'full', canActivate: [startRedirectGuard], component: StartStub },
          { path: 's/:slug', component: HomeStub },
        ]),
      ],
    });
  }

  it('sends a member to their first collaboration', async () => {
    setup(['familjen-helsingborg', 'nasta-steg']);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    expect(harness.routeNativeElement?.textContent).toBe('collaboration home');
    expect(TestBed.inject(MeStore).load).toHaveBeenCalled();
  });

  it('shows the start page to someone who belongs to no collaboration', async () => {
    setup([]);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    expect(harness.routeNativeElement?.textContent).toBe('start page');
  });
});
