package vn.urbanorder.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.photo.IncomingPhotos;
import vn.urbanorder.photo.PhotoInspector;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.report.PastReports;
import vn.urbanorder.report.ReportLocation;
import vn.urbanorder.report.ReportSubmission;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.stats.WardStatistics;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDirectory;

/**
 * The demo profile's reports: about 200 over the three months before they are first added, on
 * Gia Thụy's streets, each with a photo, as the demo patrols would have filed them. The same
 * reports every time (a fixed seed and client ids derived from it), added once: a restart finds
 * them and adds nothing. They are recorded as past reports ({@link PastReports}), not through
 * intake, which would refuse observations older than 30 days, and {@link DemoHistory} gives each
 * the handling it had since, in the same transaction.
 * {@code urbanorder.demo.reports=false} leaves them out (the tests do: reports at random spots would
 * make the tests' own reports their duplicates).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "urbanorder.demo.reports", havingValue = "true", matchIfMissing = true)
class DemoReports {

    static final int COUNT = 200;
    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    private static final List<UUID> PATROLS = List.of(
            UUID.fromString("a1000000-0000-4000-8000-000000000102"),
            UUID.fromString("a1000000-0000-4000-8000-000000000103"));
    private static final String[] STREETS = {
        "Nguyễn Văn Cừ", "Ngọc Lâm", "Gia Thụy", "Ngô Gia Tự", "Nguyễn Sơn", "Hoàng Như Tiếp", "Lâm Du", "Phú Viên"
    };
    private static final String[][] KINDS = {
        {"SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", "Bày bán hoa quả, hàng tạp hóa chiếm hết vỉa hè"},
        {"SIDEWALK_ENCROACHMENT", "VEHICLE_PARKING", "Trông giữ xe máy trái phép trên vỉa hè"},
        {"SIDEWALK_ENCROACHMENT", "KIOSK_AWNING", "Dựng mái che, biển quảng cáo lấn ra lòng đường"},
        {"SIDEWALK_ENCROACHMENT", "STREET_VENDING", "Bán hàng rong gây ùn tắc giờ tan tầm"},
        {"CONSTRUCTION", "MATERIALS_ON_ROAD", "Tập kết cát, gạch xây dựng xuống lòng đường"},
        {"CONSTRUCTION", "NO_PERMIT", "Cơi nới tầng 4 không có giấy phép xây dựng"},
        {"CONSTRUCTION", "UNSAFE_SITE", "Công trình không che chắn, vật liệu rơi xuống đường"},
        {"SANITATION", "ILLEGAL_DUMPING", "Đổ rác thải sinh hoạt không đúng giờ, đúng nơi quy định"},
        {"SANITATION", "CONSTRUCTION_WASTE", "Đổ trộm phế thải xây dựng ở chân cột điện"},
        {"SANITATION", "WASTE_WATER", "Xả nước thải rửa xe ra đường"}
    };

    private final WardDirectory wards;
    private final PastReports reports;
    private final PhotoInspector inspector;
    private final IncomingPhotos incoming;
    private final Photos photos;
    private final TransactionalOperator transactions;
    private final DemoMap demoMap;
    private final DemoHistory history;
    private final WardStatistics statistics;
    private final Clock clock;

    DemoReports(
            WardDirectory wards,
            PastReports reports,
            PhotoInspector inspector,
            IncomingPhotos incoming,
            Photos photos,
            TransactionalOperator transactions,
            DemoMap demoMap,
            DemoHistory history,
            WardStatistics statistics,
            Clock clock) {
        this.wards = wards;
        this.reports = reports;
        this.inspector = inspector;
        this.incoming = incoming;
        this.photos = photos;
        this.transactions = transactions;
        this.demoMap = demoMap;
        this.history = history;
        this.statistics = statistics;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        demoMap.ready()
                .then(wards.findByCode("GT"))
                .flatMap(ward -> Flux.range(0, COUNT)
                        .concatMap(index -> addIfMissing(ward, index))
                        .filter(added -> added)
                        .count()
                        .flatMap(added -> added == 0
                                ? Mono.just(added)
                                // Their events are dated in the past: a month-end workload the
                                // statistics kept while they were being added would miss them.
                                : statistics.forgetKeptWorkloads(ward.id()).thenReturn(added)))
                .subscribe(
                        added -> {
                            if (added > 0) {
                                log.info("Added {} demo reports to Phường Gia Thụy", added);
                            }
                        },
                        failure -> log.error("Could not add the demo reports", failure));
    }

    private Mono<Boolean> addIfMissing(Ward ward, int index) {
        Random random = new Random(31L * index + 7);
        UUID reporter = PATROLS.get(index % PATROLS.size());
        UUID clientId = UUID.nameUUIDFromBytes(("demo-report-" + index).getBytes(StandardCharsets.UTF_8));
        return reports.exists(reporter, clientId)
                .flatMap(found -> found ? Mono.just(false) : add(ward, index, random, reporter, clientId));
    }

    private Mono<Boolean> add(Ward ward, int index, Random random, UUID reporter, UUID clientId) {
        String[] kind = KINDS[random.nextInt(KINDS.length)];
        String street = STREETS[random.nextInt(STREETS.length)];
        GeoPoint point = pointIn(ward, random);
        Instant observed = clock.instant().minus(Duration.ofMinutes(30 + random.nextInt(90 * 24 * 60)));
        var submission = new ReportSubmission(
                clientId,
                kind[0],
                kind[1],
                kind[2],
                "Số " + (1 + random.nextInt(200)) + " " + street,
                new ReportLocation(point, 4.0 + random.nextInt(20)),
                observed.atZone(ward.timeZone()).toOffsetDateTime(),
                null);
        Instant received = observed.plusSeconds(5 + random.nextInt(600));
        return Mono.fromCallable(() -> photo(index, kind[2]))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(bytes -> incoming.receiveBytes(List.of(bytes), files -> inspector
                        .inspect(files, ward.timeZone())
                        .flatMap(inspected -> photos.stageAndRun(
                                ward.id(),
                                inspected,
                                stored -> transactions.transactional(
                                        reports.record(ward, reporter, submission, received, stored)
                                                .flatMap(report -> history.play(report, random))
                                                .thenReturn(true))))))
                .onErrorResume(failure -> {
                    log.debug("Demo report {} not added: {}", index, failure.toString());
                    return Mono.just(false);
                });
    }

    /** A point inside the ward's (newest) service area, drawn from its bounding box. */
    private static GeoPoint pointIn(Ward ward, Random random) {
        var area = ward.serviceArea();
        var box = area.getEnvelopeInternal();
        while (true) {
            var point = new GeoPoint(
                    box.getMinY() + random.nextDouble() * box.getHeight(),
                    box.getMinX() + random.nextDouble() * box.getWidth());
            if (area.covers(GeoJson.point(point))) {
                return point;
            }
        }
    }

    /** A small JPEG standing in for the officer's photo, captioned with what it shows. */
    private static byte[] photo(int index, String caption) {
        var image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(90 + index % 100, 110, 130));
        graphics.fillRect(0, 0, 480, 360);
        graphics.setColor(Color.WHITE);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        graphics.drawString("Ảnh minh hoạ #" + (index + 1), 20, 40);
        graphics.drawString(caption.length() > 48 ? caption.substring(0, 48) + "…" : caption, 20, 80);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
