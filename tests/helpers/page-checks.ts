/**
 * Checks of a rendered page that a person would notice: text too faint to read, and a page
 * wider than the screen. Run in the browser through playwright-core.
 */
import type { Page } from 'playwright-core';

export interface FaintText {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Text under `selector` whose contrast with what is behind it is below WCAG 2.2 AA (1.4.3):
 * 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). The background is the nearest
 * ancestor's opaque background colour; images and gradients behind text are not considered.
 */
export function faintTexts(page: Page, selector: string): Promise<FaintText[]> {
  return page.evaluate((sel) => {
    const rgba = (css: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const backgroundOf = (el: Element | null): string => {
      for (let e = el; e !== null; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (rgba(bg).a > 0) return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const found: { text: string; ratio: number; color: string; background: string }[] = [];
    for (const root of document.querySelectorAll(sel)) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : own;
        if (text === '' || el.getClientRects().length === 0 || el.closest('option') !== null) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden') continue;
        const fg = luminance(rgba(style.color));
        const bg = luminance(rgba(backgroundOf(el)));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const size = Number.parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) {
          found.push({ text, ratio: Math.round(ratio * 100) / 100, color: style.color, background: backgroundOf(el) });
        }
      }
    }
    return found;
  }, selector);
}

/**
 * What makes the page wider than the window: each element reaching past its right edge that
 * is not inside something scrolling or clipping sideways (a table in a scrolling card is
 * fine), as "tag.class (right edge px)". Empty: the page does not scroll sideways.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let e = el.parentElement; e !== null && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== 'visible') return true;
      }
      return false;
    };
    const right = (el: Element) => Math.round(el.getBoundingClientRect().right + window.scrollX);
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${right(el)} px)`;
    const wide = [...document.body.querySelectorAll('*')].filter((el) => right(el) > width && !clipped(el));
    if (wide.length > 0) return wide.map(name);
    if (document.documentElement.scrollWidth <= width) return [];
    const widest = [...document.body.querySelectorAll('*')].sort((a, b) => right(b) - right(a)).slice(0, 5);
    return [`page ${document.documentElement.scrollWidth} px in ${width} px; widest: ${widest.map(name).join(', ')}`];
  });
}
