import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ComparisonContext, ComparisonService, PeerSet } from '@kraftsamling/web/comparisons/data-access';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { PeerSetsComponent, peerSetErrorKey } from './peer-sets.component';

const mine: PeerSet = {
  id: 'p1',
  title: 'Liknar Helsingborg',
  areaCodes: ['1283', '1280'],
  shared: false,
  mine: true,
  source: 'CUSTOM',
  sourceId: null,
  version: 3,
};
const published: PeerSet = {
  ...mine,
  id: 'p2',
  title: 'Större städer',
  mine: false,
  shared: true,
  source: 'KOLADA',
  sourceId: 'G1',
};

function context(): ComparisonContext {
  return {
    collaborationId: 'c1',
    slug: 'familjen-helsingborg',
    name: 'Familjen Helsingborg',
    indicators: [],
    municipalities: [],
    counties: [],
    memberCodes: [],
    peerSets: [mine, published],
    ownMunicipality: '1283',
  };
}

const conflict = () =>
  new CombinedGraphQLErrors({ errors: [{ message: 'changed meanwhile', extensions: { code: 'CONFLICT' } }] });

describe('PeerSetsComponent', () => {
  function render(service: Partial<ComparisonService>, confirmed = true) {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        { provide: ComparisonService, useValue: service },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirmed) }) } },
      ],
    });
    const fixture = TestBed.createComponent(PeerSetsComponent);
    fixture.componentRef.setInput('context', context());
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement, changed };
  }

  const buttons = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('button')).map((button) =>
      button.textContent?.replace(/\s+/g, ' ').trim(),
    );

  it('offers renaming and deleting only for the reader’s own sets', () => {
    const { element } = render({});
    expect(buttons(element)).toEqual([
      'Jämför: Liknar Helsingborg',
      'Byt namn: Liknar Helsingborg',
      'Ta bort: Liknar Helsingborg',
      'Jämför: Större städer',
    ]);
    expect(element.textContent).toContain('din, bara du ser den');
    expect(element.textContent).toContain('publicerad grupp');
  });

  it('renames with the version it loaded, and says so', () => {
    const savePeerSet = jest.fn(() => of({ ...mine, title: 'Nytt namn', version: 4 }));
    const { fixture, element, changed } = render({ savePeerSet });
    fixture.componentInstance.startRename(mine);
    fixture.componentInstance.title.setValue('  Nytt namn ');
    fixture.componentInstance.rename(mine);
    fixture.detectChanges();
    expect(savePeerSet).toHaveBeenCalledWith({
      collaborationId: 'c1',
      peerSetId: 'p1',
      expectedVersion: 3,
      title: 'Nytt namn',
      areaCodes: ['1283', '1280'],
      shared: false,
    });
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('Namnet är ändrat.');
    expect(changed).toHaveBeenCalled();
  });

  it('shows a conflict clearly and loads the list again', () => {
    const deletePeerSet = jest.fn(() => throwError(conflict));
    const { fixture, element, changed } = render({ deletePeerSet });
    fixture.componentInstance.remove(mine);
    fixture.detectChanges();
    expect(deletePeerSet).toHaveBeenCalledWith({
      collaborationId: 'c1',
      peerSetId: 'p1',
      expectedVersion: 3,
    });
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Någon har ändrat eller tagit bort gruppen sedan du hämtade den. Listan är uppdaterad – försök igen.',
    );
    expect(changed).toHaveBeenCalled();
  });

  it('deletes nothing when the user cancels', () => {
    const deletePeerSet = jest.fn(() => of('p1'));
    const { fixture } = render({ deletePeerSet }, false);
    fixture.componentInstance.remove(mine);
    expect(deletePeerSet).not.toHaveBeenCalled();
  });

  it('maps errors to messages', () => {
    expect(peerSetErrorKey({ code: 'CONFLICT', messageKey: 'errors.conflict', fields: [] })).toBe(
      'comparisons.peerSets.conflict',
    );
    expect(peerSetErrorKey({ code: 'NOT_FOUND', messageKey: 'errors.notFound', fields: [] })).toBe(
      'comparisons.peerSets.gone',
    );
    expect(peerSetErrorKey({ code: 'FORBIDDEN', messageKey: 'errors.forbidden', fields: [] })).toBe(
      'errors.forbidden',
    );
  });
});
