package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * Downloads abandoned at any moment (while the file is opened, written or sent) give their export
 * slot back and leave no file, so the next export still works.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(StatsExportAbortIntegrationTests.SmallSendBuffer.class)
class StatsExportAbortIntegrationTests {

    /**
     * The kernel would otherwise take a whole file of a few megabytes into the connection's send
     * buffer at once, and "sending" would be over before a test could abort it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SmallSendBuffer {
        @Bean
        NettyServerCustomizer smallSendBuffer() {
            return server -> server.childOption(ChannelOption.SO_SNDBUF, 16 * 1024);
        }
    }

    private static final int SLOTS = 2;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    StatsExports exports;

    @Autowired
    WardStatistics statistics;

    /** A ward whose October takes a moment to export, and one whose October is a large file. */
    Ward small;

    Ward large;

    record Ward(UUID id, String bearer) {}

    @BeforeAll
    void seed() {
        small = ward(300);
        large = ward(5_000);
    }

    @Test
    void fortyExportsAbortedAtRandomMomentsLeaveTheNextExportWorkingAndTheFolderEmpty() throws Exception {
        long full = millisOfOneExport(small);
        ExecutorService clients = Executors.newFixedThreadPool(SLOTS);
        try {
            List<Future<?>> aborted = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                var random = ThreadLocalRandom.current();
                String format = random.nextBoolean() ? "xlsx" : "csv";
                long delayMicros = random.nextLong(0, (full + 20) * 1500);
                boolean reset = random.nextBoolean();
                aborted.add(clients.submit(() -> {
                    abort("/api/v1/stats/monthly/2026-10/export?format=" + format, small, delayMicros, reset);
                    return null;
                }));
            }
            for (Future<?> client : aborted) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        assertEverySlotFreeAndNoFileLeft();
        assertExportsWork(small);
    }

    @Test
    void fortyExportsDisposedAtRandomMomentsGiveBackTheirSlotsAndFiles() throws Exception {
        StatsScope scope = statistics
                .scope(
                        new Caller(
                                UUID.randomUUID(),
                                "admin",
                                Fixtures.DEMO_PROVINCE,
                                small.id(),
                                "T",
                                Set.of(Role.WARD_ADMIN),
                                null),
                        zone -> StatsPeriod.month("2026-10", zone))
                .block(Duration.ofSeconds(10));
        long full = millisOfOneExport(small);
        var received = new ConcurrentLinkedQueue<Path>();

        for (int i = 0; i < 40; i++) {
            FileFormat format = i % 2 == 0 ? FileFormat.XLSX : FileFormat.CSV;
            // Taken where it leaves, as the response does: a subscriber being disposed drops it.
            Disposable download = exports.export(scope, format)
                    .doOnNext(file -> received.add(file.path()))
                    .subscribe(file -> {}, failure -> {});
            long pause = ThreadLocalRandom.current().nextLong(0, (full + 5) * 1_200_000);
            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            download.dispose();
        }

        // A file that reached its subscriber is the subscriber's to delete: here, the test's.
        eventually(() -> exports.freeSlots() == SLOTS, "every slot free");
        for (Path file : received) {
            Files.deleteIfExists(file);
        }
        assertEverySlotFreeAndNoFileLeft();
        assertExportsWork(small);
    }

    @Test
    void aDownloadAbortedWhileItsFileIsWrittenFreesItsSlotAndDeletesTheFile() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            request(socket, "/api/v1/stats/monthly/2026-10/export?format=xlsx", large);
            eventually(() -> !folderEmpty(), "the export's file made");
            socket.setSoLinger(true, 0);
        }

        assertEverySlotFreeAndNoFileLeft();
        assertExportsWork(small);
    }

    @Test
    void aDownloadAbortedWhileItsFileIsSentDeletesTheFile() throws Exception {
        try (Socket socket = new Socket()) {
            // A phone that stops reading: the file cannot leave faster than it takes it.
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("localhost", port));
            request(socket, "/api/v1/stats/monthly/2026-10/export?format=xlsx", large);
            String head = head(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 200");
            Thread.sleep(300);
            assertThat(folderEmpty()).as("the file is still being sent").isFalse();
            assertThat(exports.freeSlots()).as("a built file holds no slot").isEqualTo(SLOTS);
            socket.setSoLinger(true, 0);
        }

        assertEverySlotFreeAndNoFileLeft();
        assertExportsWork(small);
    }

    /** Both slots free: two exports at once both succeed, and leave nothing behind. */
    private void assertExportsWork(Ward ward) throws Exception {
        List<Integer> statuses = reactor.core.publisher.Flux.just("xlsx", "csv")
                .flatMap(format -> org.springframework.web.reactive.function.client.WebClient.create(
                                "http://localhost:" + port)
                        .get()
                        .uri("/api/v1/stats/monthly/2026-10/export?format=" + format)
                        .header("Authorization", ward.bearer())
                        .exchangeToMono(response -> response.bodyToMono(byte[].class)
                                .map(body ->
                                        body.length > 0 ? response.statusCode().value() : -1)))
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(statuses).containsExactly(200, 200);
        assertEverySlotFreeAndNoFileLeft();
    }

    private void assertEverySlotFreeAndNoFileLeft() throws InterruptedException {
        eventually(() -> exports.freeSlots() == SLOTS && folderEmpty(), "every slot free and the folder empty");
    }

    private long millisOfOneExport(Ward ward) {
        long started = System.nanoTime();
        http.get()
                .uri("/api/v1/stats/monthly/2026-10/export?format=xlsx")
                .header("Authorization", ward.bearer())
                .exchange()
                .expectStatus()
                .isOk();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Asks for the export, waits, and leaves: with a reset, or closing its side of the connection. */
    private void abort(String uri, Ward ward, long delayMicros, boolean reset) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            request(socket, uri, ward);
            TimeUnit.MICROSECONDS.sleep(delayMicros);
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    private static void request(Socket socket, String uri, Ward ward) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ward.bearer() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status line and headers, read byte by byte so nothing of the body is taken. */
    private static String head(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean folderEmpty() {
        Path folder = Path.of(Fixtures.EXPORT_FOLDER);
        try (var files = Files.exists(folder) ? Files.list(folder) : java.util.stream.Stream.<Path>empty()) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * A ward of its own with this many reports observed in October 2026, each with an address no
     * other has (so the file does not compress to nothing), and its admin's bearer token.
     */
    private Ward ward(int reports) {
        UUID ward = fixtures.ward();
        String patrol = fixtures.user(ward, "PATROL");
        String admin = fixtures.user(ward, "WARD_ADMIN");
        database.sql("""
                        INSERT INTO report (ward_id, reference, reporter_id, client_report_id, payload_sha256,
                                            category, address_text, lat, lon, observed_at, observed_offset_seconds,
                                            received_at, status)
                        SELECT :ward, 'AB-2026-' || lpad(n::text, 6, '0'), u.id, gen_random_uuid(), 'seed',
                               'SANITATION', 'Số ' || n || ' ngõ ' || md5(n::text) || md5((n * 7)::text),
                               21.04, 105.88, t, 25200, t, 'UNASSIGNED'
                          FROM generate_series(1, :reports) n
                         CROSS JOIN LATERAL (SELECT timestamptz '2026-10-01 00:00+07'
                                                    + (n % 30) * interval '1 day' + n * interval '1 second') obs (t)
                          JOIN app_user u ON u.username = :patrol
                        """)
                .bind("ward", ward)
                .bind("reports", reports)
                .bind("patrol", patrol)
                .then()
                .block(Duration.ofSeconds(60));
        return new Ward(ward, fixtures.bearer(admin));
    }
}
