import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import { of, throwError } from 'rxjs';
import { CollaborationService } from './collaboration.service';
import { MeStore } from './me.store';
import { CollaborationDetail } from './models';
import { requirePermission } from './require-permission.guard';

/** Only what the guard reads: the slug's collaboration and the user's permissions there. */
function collaborationDetail(
  permissions: string[],
  roles: CollaborationDetail['myRoles'],
): CollaborationDetail {
  return {
    id: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    description: null,
    version: 1,
    myRoles: roles,
    myPermissions: permissions,
    organizations: [],
    groups: [],
  };
}

@Component({ template: '<p>member management</p>' })
class MembersStub {}

@Component({ template: '<p>no access</p>' })
class NoAccessStub {}

@Component({ template: '<p>import page</p>' })
class ImportStub {}

describe('requirePermission (member management route guard)', () => {
  function setup(collaboration: ReturnType<CollaborationService['collaboration']>) {
    const service = { collaboration: jest.fn(() => collaboration) };
    TestBed.configureTestingModule({
      providers: [
        { provide: CollaborationService, useValue: service },
        provideRouter([
          {
            path: 's',
            children: [
              {
                path: ':slug/medlemmar',
                component: MembersStub,
                canMatch: [requirePermission(Permission.MemberManage)],
              },
              { path: ':slug/medlemmar', component: NoAccessStub },
            ],
          },
        ]),
      ],
    });
    return service;
  }

  it('lets a user with member:manage in', async () => {
    const service = setup(of(collaborationDetail(['collaboration:read', 'member:manage'], ['COORDINATOR'])));
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/s/familjen-helsingborg/medlemmar');

    expect(harness.routeNativeElement?.textContent).toContain('member management');
    expect(service.collaboration).toHaveBeenCalledWith('familjen-helsingborg', true);
  });

  it('blocks a user without member:manage: shows "no access" and keeps the address', async () => {
    setup(of(collaborationDetail(['collaboration:read', 'member:read'], ['VIEWER'])));
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/s/familjen-helsingborg/medlemmar');

    expect(harness.routeNativeElement?.textContent).toContain('no access');
    expect(harness.routeNativeElement?.textContent).not.toContain('member management');
    expect(TestBed.inject(Location).path()).toBe('/s/familjen-helsingborg/medlemmar');
  });

  it('lets the page show the error when the collaboration cannot be loaded', async () => {
    setup(throwError(() => new Error('offline')));
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/s/familjen-helsingborg/medlemmar');

    expect(harness.routeNativeElement?.textContent).toContain('member management');
  });

  it('lets a statistics steward in where a platform permission also serves, without the role here', async () => {
    const collaboration = of(collaborationDetail(['collaboration:read'], ['VIEWER']));
    const configure = (platformPermissions: string[]) => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({
        providers: [
          { provide: CollaborationService, useValue: { collaboration: () => collaboration } },
          { provide: MeStore, useValue: { load: async () => ({ platformPermissions }) } },
          provideRouter([
            {
              path: 's',
              children: [
                {
                  path: ':slug/import',
                  component: ImportStub,
                  canMatch: [
                    requirePermission(Permission.IndicatorImport, PlatformPermission.OfficialImport),
                  ],
                },
                { path: ':slug/import', component: NoAccessStub },
              ],
            },
          ]),
        ],
      });
    };
    configure(['official:import']);
    let harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/import');
    expect(harness.routeNativeElement?.textContent).toContain('import page');

    configure([]);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/s/familjen-helsingborg/import');
    expect(harness.routeNativeElement?.textContent).toContain('no access');
  });
});
