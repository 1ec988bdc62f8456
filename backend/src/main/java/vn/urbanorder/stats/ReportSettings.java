package vn.urbanorder.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the month's report (the báo cáo a ward sends upward, as DOCX or PDF) says of who issues and
 * signs it ({@code urbanorder.stats.report.*}), per ward by its code; a setting left out is made
 * from the ward's name ("Phường Gia Thụy": issued by "ỦY BAN NHÂN DÂN / PHƯỜNG GIA THỤY", dated
 * at "Gia Thụy").
 *
 * @param wards by ward code
 */
record ReportSettings(Map<String, Ward> wards) {

    ReportSettings {
        wards = wards == null ? Map.of() : Map.copyOf(wards);
    }

    static ReportSettings none() {
        return new ReportSettings(Map.of());
    }

    /**
     * One ward's settings, every one optional.
     *
     * @param wardName the ward as the report's text names it ("phường Gia Thụy"); by default its
     *     name with a lower-case first letter
     * @param issuingBody the issuing body, a line each (upper case); by default "ỦY BAN NHÂN DÂN"
     *     and the ward's name
     * @param place the place the date is written at ("Gia Thụy"); by default the ward's name
     *     without "Phường", "Xã" or "Thị trấn"
     * @param number the document's number, given when it is registered; empty by default (the
     *     clerk writes it in)
     * @param symbol the symbol after the number: "BC-UBND" by default
     * @param signerAuthority the line above the signer's title ("TM. ỦY BAN NHÂN DÂN" by default;
     *     "KT. CHỦ TỊCH" when a deputy signs)
     * @param signerTitle "CHỦ TỊCH" by default
     * @param signerName the signer's name; empty by default (written by hand)
     * @param recipients whom it goes to, each as written after the dash ("UBND Thành phố Hà Nội");
     *     "Lưu: VT." always ends the list
     */
    record Ward(
            @Nullable String wardName,
            @Nullable List<String> issuingBody,
            @Nullable String place,
            @Nullable String number,
            @Nullable String symbol,
            @Nullable String signerAuthority,
            @Nullable String signerTitle,
            @Nullable String signerName,
            @Nullable List<String> recipients) {}

    /** The settings of a ward, each one left out made from its name. */
    Resolved of(String wardCode, String name) {
        Ward ward = wards.get(wardCode);
        String bare = name.replaceFirst("^(?i)(phường|xã|thị trấn)\\s+", "");
        String inText = name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
        return new Resolved(
                or(ward == null ? null : ward.wardName(), inText),
                ward == null || ward.issuingBody() == null || ward.issuingBody().isEmpty()
                        ? List.of("ỦY BAN NHÂN DÂN", name.toUpperCase(Locale.ROOT))
                        : List.copyOf(ward.issuingBody()),
                or(ward == null ? null : ward.place(), bare),
                or(ward == null ? null : ward.number(), ""),
                or(ward == null ? null : ward.symbol(), "BC-UBND"),
                or(ward == null ? null : ward.signerAuthority(), "TM. ỦY BAN NHÂN DÂN"),
                or(ward == null ? null : ward.signerTitle(), "CHỦ TỊCH"),
                or(ward == null ? null : ward.signerName(), ""),
                ward == null || ward.recipients() == null ? List.of() : List.copyOf(ward.recipients()));
    }

    /** A ward's settings with nothing left out. */
    record Resolved(
            String wardName,
            List<String> issuingBody,
            String place,
            String number,
            String symbol,
            String signerAuthority,
            String signerTitle,
            String signerName,
            List<String> recipients) {}

    private static String or(@Nullable String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
