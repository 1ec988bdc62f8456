package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTextTests {

    @Test
    void theSentenceOfTheWardsReportWithVietnameseNumbers() {
        var counts = new ReportCounts(230, 205, 15, 10, 180, 166, 20);
        assertThat(SummaryText.of("Tháng 10/2026", 15, counts, 16))
                .isEqualTo("Tháng 10/2026: tổ chức 15 đợt kiểm tra, phát hiện 205 vụ vi phạm trật tự đô thị, trong đó"
                        + " có 16 điểm tái phạm; đã xử lý 180 vụ (87,8%), đúng hạn 92,2%.");
    }

    @Test
    void thousandsTakeADotAndEmptyPartsAreSaidPlainly() {
        var many = new ReportCounts(13000, 12345, 500, 155, 12000, 12000, 0);
        assertThat(SummaryText.of("Năm 2026", 0, many, 0))
                .isEqualTo("Năm 2026: phát hiện 12.345 vụ vi phạm trật tự đô thị, trong đó không có điểm tái phạm;"
                        + " đã xử lý 12.000 vụ (97,2%), đúng hạn 100,0%.");
        assertThat(SummaryText.of("Tháng 1/2026", 2, ReportCounts.NONE, 0))
                .isEqualTo("Tháng 1/2026: tổ chức 2 đợt kiểm tra, không phát hiện vụ vi phạm trật tự đô thị nào.");
        assertThat(SummaryText.of("Tháng 1/2026", 0, new ReportCounts(3, 3, 0, 0, 0, 0, 0), 1))
                .isEqualTo("Tháng 1/2026: phát hiện 3 vụ vi phạm trật tự đô thị, trong đó có 1 điểm tái phạm;"
                        + " chưa xử lý xong vụ nào.");
    }
}
