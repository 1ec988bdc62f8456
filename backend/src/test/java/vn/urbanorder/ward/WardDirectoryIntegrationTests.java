package vn.urbanorder.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.testing.IntegrationTest;

@IntegrationTest
class WardDirectoryIntegrationTests {

    @Autowired
    WardDirectory wards;

    @Test
    void theDemoWardIsGiaThuyWithARealisticServiceArea() {
        StepVerifier.create(wards.findByCode("GT"))
                .assertNext(ward -> {
                    assertThat(ward.name()).isEqualTo("Phường Gia Thụy");
                    assertThat(ward.timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
                    assertThat(ward.serviceArea().isValid()).isTrue();
                    assertThat(ward.serves(new GeoPoint(21.045, 105.885), java.time.Instant.now()))
                            .isTrue();
                    // Hoàn Kiếm lake, across the Red River: another ward's business.
                    assertThat(ward.serves(new GeoPoint(21.0287, 105.8523), java.time.Instant.now()))
                            .isFalse();
                })
                .verifyComplete();
    }

    @Test
    void anUnknownWardIsEmpty() {
        StepVerifier.create(wards.findByCode("NOPE")).verifyComplete();
    }
}
