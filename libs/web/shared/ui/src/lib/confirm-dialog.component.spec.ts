import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { translocoTesting } from '@kraftsamling/web/shared/i18n/testing';
import { firstValueFrom } from 'rxjs';
import { openConfirmDialog } from './confirm-dialog.component';

describe('openConfirmDialog', () => {
  beforeEach(() => TestBed.configureTestingModule({ imports: [translocoTesting()] }));

  async function open() {
    const answer = firstValueFrom(
      openConfirmDialog(TestBed.inject(MatDialog), {
        titleKey: 'members.remove.title',
        messageKey: 'members.remove.message',
        confirmKey: 'members.remove.confirm',
        params: { name: 'Test Testsson', collaboration: 'Familjen Helsingborg' },
        destructive: true,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container, .mat-mdc-dialog-container');
    return { answer, dialog };
  }

  it('asks as an alert dialog with the translated question and resolves true on confirm', async () => {
    const { answer, dialog } = await open();
    expect(document.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(dialog?.textContent).toContain('Ta bort Test Testsson?');
    expect(dialog?.textContent).toContain('förlorar sin roll i Familjen Helsingborg');

    document.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
    await expect(answer).resolves.toBe(true);
  });

  it('resolves false when the user cancels', async () => {
    const { answer } = await open();
    const cancel = Array.from(document.querySelectorAll<HTMLButtonElement>('button')).find(
      (button) => button.textContent?.trim() === 'Avbryt',
    );
    cancel?.click();
    await expect(answer).resolves.toBe(false);
  });
});
