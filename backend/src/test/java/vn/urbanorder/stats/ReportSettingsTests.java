package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportSettingsTests {

    @Test
    void whatAWardLeavesOutIsMadeFromItsName() {
        var settings = ReportSettings.none().of("GT", "Phường Gia Thụy");

        assertThat(settings.issuingBody()).containsExactly("ỦY BAN NHÂN DÂN", "PHƯỜNG GIA THỤY");
        assertThat(settings.wardName()).isEqualTo("phường Gia Thụy");
        assertThat(settings.place()).isEqualTo("Gia Thụy");
        assertThat(settings.number()).isEmpty();
        assertThat(settings.symbol()).isEqualTo("BC-UBND");
        assertThat(settings.signerAuthority()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
        assertThat(settings.signerTitle()).isEqualTo("CHỦ TỊCH");
        assertThat(settings.signerName()).isEmpty();
        assertThat(settings.recipients()).isEmpty();
        assertThat(ReportSettings.none().of("NT", "Xã Ngọc Thụy").place()).isEqualTo("Ngọc Thụy");
    }

    @Test
    void aWardsOwnSettingsWinAndOtherWardsKeepTheirDefaults() {
        var ward = new ReportSettings.Ward(
                null,
                null,
                null,
                "15",
                null,
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Trần Thị B",
                List.of("UBND Thành phố Hà Nội"));
        var settings = new ReportSettings(Map.of("GT", ward));

        var gt = settings.of("GT", "Phường Gia Thụy");
        assertThat(gt.number()).isEqualTo("15");
        assertThat(gt.signerAuthority()).isEqualTo("KT. CHỦ TỊCH");
        assertThat(gt.signerTitle()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(gt.recipients()).containsExactly("UBND Thành phố Hà Nội");
        assertThat(gt.place()).isEqualTo("Gia Thụy");
        assertThat(settings.of("NT", "Phường Ngọc Thụy").signerTitle()).isEqualTo("CHỦ TỊCH");
    }

    @Test
    void datesAreWrittenAsNghiDinh30WritesThem() {
        assertThat(UpwardReport.date(LocalDate.of(2026, 11, 5))).isEqualTo("ngày 05 tháng 11 năm 2026");
        assertThat(UpwardReport.date(LocalDate.of(2026, 2, 14))).isEqualTo("ngày 14 tháng 02 năm 2026");
        assertThat(UpwardReport.date(LocalDate.of(2026, 3, 1))).isEqualTo("ngày 01 tháng 3 năm 2026");
        assertThat(UpwardReport.inText("Quý IV/2026")).isEqualTo("quý IV/2026");
    }
}
