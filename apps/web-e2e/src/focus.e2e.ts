import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/pages';

interface FocusRing {
  element: string;
  width: number;
  contrast: number;
  colours: string;
}

/**
 * The focused element's visible ring: its outline, or Material's strong focus indicator
 * (a border on the `::before` of the `.mat-focus-indicator` in or next to it), with the
 * ring colour's contrast against the first opaque background behind the element.
 */
async function focusRing(page: Page): Promise<FocusRing | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const background = (start: Element | null) => {
      for (let node = start; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        const parts = rgb(color);
        if (parts.length >= 3 && (parts.length < 4 || parts[3]! > 0.5)) return color;
      }
      return 'rgb(255, 255, 255)';
    };
    const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`;
    const style = getComputedStyle(element);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      // An outline is drawn outside the element: what is seen around it is what lies just
      // beyond the ring (a skip link shown over the top bar is seen against the top bar).
      const rect = element.getBoundingClientRect();
      const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 1;
      const x = rect.left - reach >= 0 ? rect.left - reach : rect.right + reach;
      const beyond = document
        .elementsFromPoint(Math.min(x, window.innerWidth - 1), rect.top + rect.height / 2)
        .find((candidate) => candidate !== element && !element.contains(candidate));
      const behind = background(beyond ?? element.parentElement);
      return {
        element: name,
        width: parseFloat(style.outlineWidth),
        contrast: contrast(style.outlineColor, behind),
        colours: `${style.outlineColor} on ${behind}`,
      };
    }
    const indicator = element.matches('.mat-focus-indicator')
      ? element
      : (element.parentElement?.querySelector('.mat-focus-indicator') ?? null);
    if (indicator) {
      const ring = getComputedStyle(indicator, '::before');
      if (ring.content !== 'none' && ring.display !== 'none')
        return {
          element: name,
          width: parseFloat(ring.borderTopWidth),
          contrast: contrast(ring.borderTopColor, background(indicator.parentElement)),
          colours: `${ring.borderTopColor} on ${background(indicator.parentElement)}`,
        };
    }
    return { element: name, width: 0, contrast: 0, colours: '' };
  });
}

test('every element the keyboard reaches on the home page shows a focus ring of at least 2 px at 3:1', async ({
  page,
}) => {
  await signIn(page, 'samordnare');
  await expect(page.getByRole('heading', { level: 1, name: 'Familjen Helsingborg' })).toBeVisible();
  const rings: FocusRing[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    if (!ring) break;
    rings.push(ring);
  }
  // The skip link, the top bar, the page and the footer: many stops, each with its ring.
  expect(rings.length).toBeGreaterThan(10);
  const weak = rings.filter((ring) => ring.width < 2 || ring.contrast < 3);
  expect(weak).toEqual([]);
});
