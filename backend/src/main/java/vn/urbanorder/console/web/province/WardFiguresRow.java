package vn.urbanorder.console.web.province;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One ward's line of the province's figures as the page writes it (every number the API's, only
 * written out the Vietnamese way), with what the map colours it by.
 *
 * @param rank its place by on-time rate, or empty when it resolved nothing in the period
 * @param rate its on-time rate for the map, or null (grey: nothing resolved)
 * @param band the map's colour band for the rate: 0 (lowest) to 3, or {@code none}
 */
public record WardFiguresRow(
        UUID id,
        String code,
        String name,
        String rank,
        String received,
        String violations,
        String resolved,
        String onTime,
        String openAtEnd,
        String overdueAtEnd,
        String repeatPoints,
        String rounds,
        @Nullable Double rate,
        String band) {

    /** The lowest rate of each band but the first, as the legend and the map's script have them. */
    static final double[] BANDS = {50, 75, 90};

    static String band(@Nullable Double rate) {
        if (rate == null) {
            return "none";
        }
        int band = 0;
        while (band < BANDS.length && rate >= BANDS[band]) {
            band++;
        }
        return String.valueOf(band);
    }
}
