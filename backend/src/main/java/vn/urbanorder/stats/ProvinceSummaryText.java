package vn.urbanorder.stats;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.urbanorder.stats.ProvinceFigures.RankedWard;
import vn.urbanorder.stats.ProvinceFigures.Total;

/**
 * The sentence a province's report carries, in the style of the ward's: "Trong tháng 10/2026, 126
 * phường, xã của Thành phố Hà Nội tiếp nhận 12.345 phản ánh, phát hiện 11.020 vụ vi phạm trật tự
 * đô thị; đã xử lý 9.800 vụ (88,9%), đúng hạn 91,2%; phường, xã có tỉ lệ đúng hạn cao nhất là
 * Phường Gia Thụy (100,0%), thấp nhất là Xã Sóc Sơn (70,5%)."
 */
final class ProvinceSummaryText {

    private ProvinceSummaryText() {}

    static String of(StatsPeriod period, String provinceName, Total total, List<RankedWard> ranking) {
        var text = new StringBuilder("Trong ")
                .append(during(period))
                .append(", ")
                .append(VietnameseNumbers.count(total.wards()))
                .append(" phường, xã của ")
                .append(provinceName)
                .append(" tiếp nhận ")
                .append(VietnameseNumbers.count(total.counts().received()))
                .append(" phản ánh");
        ReportCounts counts = total.counts();
        if (counts.violations() == 0) {
            return text.append(", không phát hiện vụ vi phạm trật tự đô thị nào.")
                    .toString();
        }
        text.append(", phát hiện ")
                .append(VietnameseNumbers.count(counts.violations()))
                .append(" vụ vi phạm trật tự đô thị; ");
        if (counts.resolved() == 0) {
            return text.append("chưa xử lý xong vụ nào.").toString();
        }
        text.append("đã xử lý ")
                .append(VietnameseNumbers.count(counts.resolved()))
                .append(" vụ (")
                .append(VietnameseNumbers.percent(Objects.requireNonNull(counts.resolvedPercent(), "resolved > 0")))
                .append("%), đúng hạn ")
                .append(VietnameseNumbers.percent(Objects.requireNonNull(counts.onTimePercent(), "resolved > 0")))
                .append("%; ");
        List<RankedWard> rated = ranking.stream().filter(RankedWard::rated).toList();
        RankedWard best = rated.get(0);
        RankedWard worst = rated.get(rated.size() - 1);
        if (rated.size() == 1) {
            return text.append("chỉ ")
                    .append(rate(best))
                    .append(" có vụ xử lý xong.")
                    .toString();
        }
        return text.append("phường, xã có tỉ lệ đúng hạn cao nhất là ")
                .append(rate(best))
                .append(", thấp nhất là ")
                .append(rate(worst))
                .append('.')
                .toString();
    }

    /** "tháng 10/2026", "quý IV/2026", "6 tháng đầu năm 2026", "năm 2026", "thời gian từ 01/10/2026 đến 15/11/2026". */
    static String during(StatsPeriod period) {
        String label = period.label();
        String lower = label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
        return period.kind() == PeriodKind.DAYS ? "thời gian " + lower : lower;
    }

    private static String rate(RankedWard ward) {
        return ward.wardName() + " ("
                + VietnameseNumbers.percent(Objects.requireNonNull(ward.onTimePercent(), "a rated ward has a rate"))
                + "%)";
    }
}
