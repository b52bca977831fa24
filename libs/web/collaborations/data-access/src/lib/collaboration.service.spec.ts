import { TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { CollaborationGQL } from '@kraftsamling/web/shared/graphql/collaborations';
import { MeGQL } from '@kraftsamling/web/shared/graphql/me';
import { Subject, firstValueFrom, of } from 'rxjs';
import { CollaborationService } from './collaboration.service';

const me = {
  id: 'u1',
  name: 'Test Testsson',
  access: [
    {
      collaborationId: 'c1',
      slug: 'familjen-helsingborg',
      name: 'Familjen Helsingborg',
      roles: [],
      permissions: [],
    },
  ],
};
const detail = (id: string, slug: string) => ({ id, slug, name: slug, organizations: [], groups: [] });

describe('CollaborationService.collaborationAnd', () => {
  function setUp() {
    const collaboration = new Subject<{ data: { collaboration: ReturnType<typeof detail> } }>();
    const fetch = jest.fn(() => collaboration);
    TestBed.configureTestingModule({
      providers: [
        { provide: MeGQL, useValue: { fetch: () => of({ data: { me } }) } },
        { provide: CollaborationGQL, useValue: { fetch } },
        // The service's other queries and mutations are not used here.
        { provide: Apollo, useValue: {} },
      ],
    });
    return { service: TestBed.inject(CollaborationService), collaboration, fetch };
  }

  it("asks for a member's collaboration and its data at once, by the id in me", async () => {
    const { service, collaboration } = setUp();
    const read = jest.fn((id: string) => of(`data of ${id}`));

    const result = firstValueFrom(service.collaborationAnd('familjen-helsingborg', read));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Asked before the collaboration has answered.
    expect(read).toHaveBeenCalledWith('c1');

    collaboration.next({ data: { collaboration: detail('c1', 'familjen-helsingborg') } });
    collaboration.complete();
    await expect(result).resolves.toEqual({
      collaboration: detail('c1', 'familjen-helsingborg'),
      data: 'data of c1',
    });
  });

  it('reads by the id the collaboration answers with when me does not name it (not a member)', async () => {
    const { service, collaboration } = setUp();
    const read = jest.fn((id: string) => of(`data of ${id}`));

    const result = firstValueFrom(service.collaborationAnd('sandviken', read));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(read).not.toHaveBeenCalled();

    collaboration.next({ data: { collaboration: detail('c2', 'sandviken') } });
    collaboration.complete();
    await expect(result).resolves.toEqual({ collaboration: detail('c2', 'sandviken'), data: 'data of c2' });
    expect(read).toHaveBeenCalledWith('c2');
  });
});
