package vn.urbanorder.console.web.figures;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Figures written as a Vietnamese report writes them: 1.234 vụ, 87,8%. */
public final class Numbers {

    private static final DecimalFormatSymbols VIETNAMESE =
            DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi"));

    private Numbers() {}

    public static String count(@Nullable Number value) {
        return value == null ? "–" : new DecimalFormat("#,##0", VIETNAMESE).format(value.longValue());
    }

    /** One decimal, always shown (87,0). */
    public static String decimal(@Nullable Double value) {
        return value == null ? "–" : new DecimalFormat("#,##0.0", VIETNAMESE).format(value);
    }

    public static String percent(@Nullable Double value) {
        return value == null ? "–" : decimal(value) + "%";
    }

    /** A count that is whole in the API's double (a difference of counts). */
    public static String whole(double value) {
        return count(Math.round(Math.abs(value)));
    }
}
