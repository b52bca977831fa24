import {
  Decision,
  DecisionDraft,
  createDecisionInput,
  decisionOwner,
  isoDay,
  ownerChoices,
  updateDecisionInput,
} from './models';

// Fictional people and organisations.
const decision: Decision = {
  id: 'd1',
  collaborationId: 'c1',
  groupId: 'g-steering',
  title: 'Nya siffror per kommun från september',
  description: null,
  decidedOn: '2025-08-20',
  dueOn: '2025-09-30',
  status: 'OPEN',
  overdue: false,
  ownerUserId: null,
  ownerName: null,
  ownerOrganizationId: 'af',
  ownerOrganizationName: 'Arbetsförmedlingen',
  goalId: null,
  version: 4,
};

const draft: DecisionDraft = {
  title: '  Två nya jobbspår  ',
  description: '   ',
  decidedOn: '2025-10-01',
  dueOn: '2025-12-15',
  status: 'IN_PROGRESS',
  ownerUserId: 'u2',
  ownerOrganizationId: null,
  goalId: 'goal-1',
};

describe('decision models', () => {
  it('names the owner: person, organisation, both, or nobody', () => {
    expect(decisionOwner(decision)).toBe('Arbetsförmedlingen');
    expect(decisionOwner({ ownerName: 'Exempel Person', ownerOrganizationName: 'Bjuv' })).toBe(
      'Exempel Person, Bjuv',
    );
    expect(decisionOwner({ ownerName: null, ownerOrganizationName: null })).toBeNull();
  });

  it('offers the people of every group once, and the organisations, by name', () => {
    const member = (id: string, name: string | null) => ({
      id: `ms-${id}`,
      role: 'GROUP_MEMBER' as const,
      pending: name === null,
      user: name === null ? null : { id, name },
      invitation: name === null ? { name: 'Inbjuden' } : null,
    });
    const choices = ownerChoices({
      groups: [
        { members: [member('u2', 'Örjan Exempel'), member('u3', 'Anna Exempel')] },
        { members: [member('u3', 'Anna Exempel'), member('u9', null)] },
      ] as any,
      organizations: [
        { id: 'o2', name: 'Åstorp' },
        { id: 'o1', name: 'Arbetsförmedlingen' },
      ] as any,
    });
    expect(choices.people).toEqual([
      { id: 'u3', name: 'Anna Exempel' },
      { id: 'u2', name: 'Örjan Exempel' },
    ]);
    expect(choices.organizations.map((o) => o.name)).toEqual(['Arbetsförmedlingen', 'Åstorp']);
  });

  it('makes a new decision from the form: trimmed, an empty description left out', () => {
    expect(createDecisionInput('c1', draft)).toEqual({
      collaborationId: 'c1',
      title: 'Två nya jobbspår',
      description: null,
      decidedOn: '2025-10-01',
      dueOn: '2025-12-15',
      ownerUserId: 'u2',
      ownerOrganizationId: null,
      goalId: 'goal-1',
    });
  });

  it('changes a decision against the version loaded, without its decision date', () => {
    const input = updateDecisionInput(decision, draft);
    expect(input).toEqual({
      collaborationId: 'c1',
      decisionId: 'd1',
      expectedVersion: 4,
      title: 'Två nya jobbspår',
      description: null,
      dueOn: '2025-12-15',
      status: 'IN_PROGRESS',
      ownerUserId: 'u2',
      ownerOrganizationId: null,
      goalId: 'goal-1',
    });
    expect(input).not.toHaveProperty('decidedOn');
  });

  it("writes a date as the user's calendar day", () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
