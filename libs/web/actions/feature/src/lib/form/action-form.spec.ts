import { actionDraft, actionForm, changedFields, formValueOf, newerAction } from './action-form';

const defaults = { typeId: 't-job', contactUserId: 'u-me', today: '2026-11-30' };

describe('the action form', () => {
  it('starts a new action as planned, today, with the user as contact person', () => {
    const draft = actionDraft(actionForm(defaults));
    expect(draft).toMatchObject({
      typeId: 't-job',
      contactUserId: 'u-me',
      startOn: '2026-11-30',
      status: 'PLANNED',
    });
  });

  it('refuses an end before the start and no municipality', () => {
    const form = actionForm(defaults);
    form.controls.fields.patchValue({ title: 'Jobbspår', startOn: '2026-09-01', endOn: '2026-08-01' });
    expect(form.controls.fields.controls.endOn.errors).toEqual({ endBeforeStart: true });
    expect(form.controls.fields.controls.municipalityCodes.errors).toEqual({ required: true });
  });

  it('reads the newer version a CONFLICT carries, and names the fields where it differs from the form', () => {
    const form = actionForm(defaults);
    form.controls.fields.patchValue({
      title: 'Jobbspår',
      municipalityCodes: ['1283', '1260'],
      targetGroups: 'Unga\nKvinnor',
    });
    const theirs = newerAction({
      id: 'a1',
      version: 4,
      title: 'Jobbspår (flyttad)',
      typeId: 't-job',
      municipalityCodes: ['1260', '1283'],
      targetGroups: ['Kvinnor', 'Unga'],
      goalIds: [],
      partnerOrganizations: [],
      contactUserId: 'u-me',
      startOn: '2026-11-30',
      status: 'PLANNED',
      plannedParticipants: 40,
    })!;
    expect(theirs.version).toBe(4);
    expect(changedFields(actionDraft(form), theirs)).toEqual(['title', 'plannedParticipants']);
    form.controls.fields.setValue(formValueOf(theirs));
    expect(actionDraft(form)).toMatchObject({ title: 'Jobbspår (flyttad)', plannedParticipants: 40 });
    expect(newerAction({ message: 'not an action' })).toBeNull();
  });
});
