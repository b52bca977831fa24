import { TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { AddMemberGQL, CollaborationGQL } from '@kraftsamling/web/shared/graphql/collaborations';
import { MeGQL } from '@kraftsamling/web/shared/graphql/me';
import { Subject, firstValueFrom, of } from 'rxjs';
import { CollaborationService } from './collaboration.service';
import { MeStore } from './me.store';

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
    const meAnswer = new Subject<{ data: { me: typeof me } }>();
    const fetch = jest.fn(() => collaboration);
    TestBed.configureTestingModule({
      providers: [
        { provide: MeGQL, useValue: { fetch: () => meAnswer } },
        { provide: CollaborationGQL, useValue: { fetch } },
        // The service's other queries and mutations are not used here.
        { provide: Apollo, useValue: {} },
      ],
    });
    const answerCollaboration = (id: string, slug: string) => {
      collaboration.next({ data: { collaboration: detail(id, slug) } });
      collaboration.complete();
    };
    const answerMe = () => {
      meAnswer.next({ data: { me } });
      meAnswer.complete();
    };
    return {
      service: TestBed.inject(CollaborationService),
      meStore: TestBed.inject(MeStore),
      fetch,
      answerCollaboration,
      answerMe,
    };
  }

  it('asks for the collaboration and its data at once, by the slug, while me is still under way', async () => {
    const { service, meStore, fetch, answerCollaboration } = setUp();
    void meStore.load();
    const read = jest.fn((collaboration: string) => of(`data of ${collaboration}`));

    const result = firstValueFrom(service.collaborationAnd('familjen-helsingborg', read));
    // Both asked before me (or the collaboration) has answered: no round trip before the data.
    expect(read).toHaveBeenCalledWith('familjen-helsingborg');
    expect(fetch).toHaveBeenCalledTimes(1);

    answerCollaboration('c1', 'familjen-helsingborg');
    await expect(result).resolves.toEqual({
      collaboration: detail('c1', 'familjen-helsingborg'),
      data: 'data of familjen-helsingborg',
    });
  });

  it("asks by the id once me names it (a member's later pages)", async () => {
    const { service, meStore, answerCollaboration, answerMe } = setUp();
    const loaded = meStore.load();
    answerMe();
    await loaded;
    const read = jest.fn((collaboration: string) => of(`data of ${collaboration}`));

    const result = firstValueFrom(service.collaborationAnd('familjen-helsingborg', read));
    expect(read).toHaveBeenCalledWith('c1');
    answerCollaboration('c1', 'familjen-helsingborg');
    await expect(result).resolves.toEqual({
      collaboration: detail('c1', 'familjen-helsingborg'),
      data: 'data of c1',
    });
  });

  it('asks by the slug at once where me does not name the collaboration (a platform admin)', async () => {
    const { service, meStore, answerCollaboration, answerMe } = setUp();
    const loaded = meStore.load();
    answerMe();
    await loaded;
    const read = jest.fn((collaboration: string) => of(`data of ${collaboration}`));

    const result = firstValueFrom(service.collaborationAnd('sandviken', read));
    expect(read).toHaveBeenCalledWith('sandviken');
    answerCollaboration('c2', 'sandviken');
    await expect(result).resolves.toEqual({
      collaboration: detail('c2', 'sandviken'),
      data: 'data of sandviken',
    });
  });

  it('asks the server for the collaboration again when the page wants it fresh, the data still at once', async () => {
    const { service, meStore, fetch, answerCollaboration, answerMe } = setUp();
    const loaded = meStore.load();
    answerMe();
    await loaded;
    // A guard's cached read came first.
    const guard = firstValueFrom(service.collaboration('familjen-helsingborg', true));
    answerCollaboration('c1', 'familjen-helsingborg');
    await guard;
    const read = jest.fn((collaboration: string) => of(`data of ${collaboration}`));

    // (This set-up's collaboration answers once: the second read's answer is not awaited.)
    service.collaborationAnd('familjen-helsingborg', read, { fresh: true }).subscribe();
    expect(read).toHaveBeenCalledWith('c1');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith({
      variables: { slug: 'familjen-helsingborg' },
      fetchPolicy: 'no-cache',
    });
  });
});

describe('CollaborationService.collaboration', () => {
  function setUp() {
    const answers: Subject<{ data: { collaboration: ReturnType<typeof detail> } }>[] = [];
    const fetch = jest.fn(() => {
      const answer = new Subject<{ data: { collaboration: ReturnType<typeof detail> } }>();
      answers.push(answer);
      return answer;
    });
    const mutate = jest.fn(() => of({ data: { addMember: { id: 'm1' } } }));
    TestBed.configureTestingModule({
      providers: [
        { provide: MeGQL, useValue: { fetch: () => of({ data: { me } }) } },
        { provide: CollaborationGQL, useValue: { fetch } },
        { provide: AddMemberGQL, useValue: { mutate } },
        { provide: Apollo, useValue: {} },
      ],
    });
    const answer = (index: number, collaboration = detail('c1', 'familjen-helsingborg')) => {
      answers[index].next({ data: { collaboration } });
      answers[index].complete();
    };
    return { service: TestBed.inject(CollaborationService), fetch, answer, answers };
  }

  it('asks the server once for cached reads made together or later, past Apollo’s normalising cache', async () => {
    const { service, fetch, answer } = setUp();
    const guard = firstValueFrom(service.collaboration('familjen-helsingborg', true));
    const page = firstValueFrom(service.collaboration('familjen-helsingborg', true));
    answer(0);
    await expect(guard).resolves.toEqual(detail('c1', 'familjen-helsingborg'));
    await expect(page).resolves.toEqual(detail('c1', 'familjen-helsingborg'));
    await expect(firstValueFrom(service.collaboration('familjen-helsingborg', true))).resolves.toEqual(
      detail('c1', 'familjen-helsingborg'),
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith({
      variables: { slug: 'familjen-helsingborg' },
      fetchPolicy: 'no-cache',
    });
  });

  it('asks again for a read without cache, and cached reads then have its answer', async () => {
    const { service, fetch, answer } = setUp();
    const first = firstValueFrom(service.collaboration('familjen-helsingborg', true));
    answer(0);
    await first;
    const renamed = { ...detail('c1', 'familjen-helsingborg'), name: 'Familjen Helsingborg 2' };
    const fresh = firstValueFrom(service.collaboration('familjen-helsingborg'));
    answer(1, renamed);
    await expect(fresh).resolves.toEqual(renamed);
    await expect(firstValueFrom(service.collaboration('familjen-helsingborg', true))).resolves.toEqual(
      renamed,
    );
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks the server again after a change to members, and after a failed read', async () => {
    const { service, fetch, answer, answers } = setUp();
    const first = firstValueFrom(service.collaboration('familjen-helsingborg', true));
    answer(0);
    await first;
    await firstValueFrom(
      service.addMember({ collaborationId: 'c1', email: 'ny@example.org', role: 'MEMBER' } as never),
    );
    const afterChange = firstValueFrom(service.collaboration('familjen-helsingborg', true));
    expect(fetch).toHaveBeenCalledTimes(2);
    answers[1].error(new Error('offline'));
    await expect(afterChange).rejects.toThrow('offline');
    const retried = firstValueFrom(service.collaboration('familjen-helsingborg', true));
    expect(fetch).toHaveBeenCalledTimes(3);
    answer(2);
    await expect(retried).resolves.toEqual(detail('c1', 'familjen-helsingborg'));
  });
});
