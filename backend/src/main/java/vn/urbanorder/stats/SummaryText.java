package vn.urbanorder.stats;

import java.util.Objects;

/**
 * The sentence a ward report carries, in the style of the ward's own documents: "Tháng 10/2026:
 * tổ chức 15 đợt kiểm tra, phát hiện 205 vụ vi phạm trật tự đô thị, trong đó có 16 điểm tái phạm;
 * đã xử lý 180 vụ (87,8%), đúng hạn 92,0%."
 */
final class SummaryText {

    private SummaryText() {}

    static String of(String periodLabel, long rounds, ReportCounts totals, long repeatPoints) {
        var text = new StringBuilder(periodLabel).append(": ");
        if (rounds > 0) {
            text.append("tổ chức ").append(VietnameseNumbers.count(rounds)).append(" đợt kiểm tra, ");
        }
        if (totals.violations() == 0) {
            return text.append("không phát hiện vụ vi phạm trật tự đô thị nào.").toString();
        }
        text.append("phát hiện ")
                .append(VietnameseNumbers.count(totals.violations()))
                .append(" vụ vi phạm trật tự đô thị, trong đó ")
                .append(
                        repeatPoints == 0
                                ? "không có điểm tái phạm"
                                : "có " + VietnameseNumbers.count(repeatPoints) + " điểm tái phạm")
                .append("; ");
        if (totals.resolved() == 0) {
            return text.append("chưa xử lý xong vụ nào.").toString();
        }
        return text.append("đã xử lý ")
                .append(VietnameseNumbers.count(totals.resolved()))
                .append(" vụ (")
                .append(VietnameseNumbers.percent(Objects.requireNonNull(totals.resolvedPercent(), "resolved > 0")))
                .append("%), đúng hạn ")
                .append(VietnameseNumbers.percent(Objects.requireNonNull(totals.onTimePercent(), "resolved > 0")))
                .append("%.")
                .toString();
    }
}
