package vn.urbanorder.console.web.figures;

import org.jspecify.annotations.Nullable;

/**
 * One of the period's headline figures, as the upward report states it.
 *
 * @param figure the API's figure code (data-figure on the page, for tests and styles)
 * @param detail what the figure holds, in a few words ("87,8% số vụ vi phạm")
 */
public record HeadlineFigure(
        String figure, String name, String value, @Nullable String detail, Change change) {}
