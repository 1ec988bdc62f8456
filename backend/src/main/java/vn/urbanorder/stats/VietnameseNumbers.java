package vn.urbanorder.stats;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Numbers as Vietnamese documents write them: 1.234 vụ, 87,8%. */
final class VietnameseNumbers {

    private static final DecimalFormatSymbols SYMBOLS = new DecimalFormatSymbols();

    static {
        SYMBOLS.setDecimalSeparator(',');
        SYMBOLS.setGroupingSeparator('.');
        SYMBOLS.setMinusSign('-');
    }

    private VietnameseNumbers() {}

    static String count(long value) {
        return new DecimalFormat("#,##0", SYMBOLS).format(value);
    }

    /** A share to one decimal, always with its decimal: 92,0. */
    static String percent(double value) {
        return new DecimalFormat("#,##0.0", SYMBOLS).format(value);
    }
}
