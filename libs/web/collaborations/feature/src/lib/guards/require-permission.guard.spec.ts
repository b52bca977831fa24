import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@kraftsamling/shared/permissions';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { of, throwError } from 'rxjs';
import { collaborationDetail } from '../../testing/fixtures';
import { requirePermission } from './require-permission.guard';

@Component({ template: '<p>member management</p>' })
class MembersStub {}

@Component({ template: '<p>no access</p>' })
class NoAccessStub {}

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
});
