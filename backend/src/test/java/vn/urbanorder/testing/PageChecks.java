package vn.urbanorder.testing;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * What a person holding the phone in the sun would notice, measured in the page: controls too
 * small to hit with a thumb, text too faint to read, a page wider than the screen.
 */
public final class PageChecks {

    /** WCAG 2.2's enhanced target size, and what Apple and Google ask of touch targets. */
    public static final int SMALLEST_TARGET_PX = 44;

    /** WCAG AA for body text. */
    public static final double LEAST_CONTRAST = 4.5;

    private static final String SMALL_TARGETS = """
            (least) => {
              const small = [];
              for (const el of document.querySelectorAll('button, a[href], input:not([type=file]), select, textarea, label.button')) {
                // A checkbox or radio inside its label is hit anywhere on the label.
                const target = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el;
                const box = target.getBoundingClientRect();
                if (box.width === 0 && box.height === 0) continue;
                if (box.width < least || box.height < least) {
                  small.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
                }
              }
              return small;
            }""";

    private static final String LOW_CONTRAST = """
            (least) => {
              const rgba = (text) => {
                const parts = text.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(Number);
                return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
              };
              const luminance = ({ r, g, b }) => {
                const linear = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
              };
              const background = (el) => {
                for (let at = el; at; at = at.parentElement) {
                  const colour = rgba(getComputedStyle(at).backgroundColor);
                  if (colour.a > 0.5) return colour;
                }
                return { r: 255, g: 255, b: 255, a: 1 };
              };
              const low = [];
              const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (texts.nextNode()) {
                const text = texts.currentNode;
                const el = text.parentElement;
                if (!text.textContent.trim() || el.closest('[hidden], noscript, button:disabled')) continue;
                const box = el.getBoundingClientRect();
                if (box.width === 0 && box.height === 0) continue;
                const a = luminance(rgba(getComputedStyle(el).color));
                const b = luminance(background(el));
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                if (ratio < least) low.push(`"${text.textContent.trim().slice(0, 40)}" ${ratio.toFixed(2)}`);
              }
              return low;
            }""";

    private PageChecks() {}

    /** Visible controls smaller than {@link #SMALLEST_TARGET_PX} either way, described. */
    @SuppressWarnings("unchecked")
    public static List<String> smallTargets(Page page) {
        return (List<String>) page.evaluate(SMALL_TARGETS, SMALLEST_TARGET_PX);
    }

    /** Visible text whose contrast with what lies behind it is below {@link #LEAST_CONTRAST}. */
    @SuppressWarnings("unchecked")
    public static List<String> lowContrast(Page page) {
        return (List<String>) page.evaluate(LOW_CONTRAST, LEAST_CONTRAST);
    }

    /** How far the page is wider than the screen (0 when it fits). */
    public static int overflowPx(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }
}
