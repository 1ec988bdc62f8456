package vn.urbanorder.console.web.figures;

/**
 * A figure's change from the period before, as the page says it.
 *
 * @param trend {@code up}, {@code down}, {@code same} or {@code none} (nothing to compare with)
 * @param arrow ▲, ▼ or = (not read aloud: {@code spoken} says it)
 * @param spoken "Tăng", "Giảm" or empty, for screen readers
 * @param text the rest: "12 (+25,0%) so với tháng trước"
 */
public record Change(String trend, String arrow, String spoken, String text) {}
