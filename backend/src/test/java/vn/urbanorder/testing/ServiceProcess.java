package vn.urbanorder.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.api.model.TokenResponseDto;

/**
 * The service in a JVM of its own, started from the test's class path with the given heap on a
 * database of its own with the demo ward and its users (no demo reports), as a small instance
 * runs it. Closing it stops the JVM.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts it with photos and exports in the folder, and waits until it is ready. */
    public static ServiceProcess start(String heap, Path folder, String... settings) throws Exception {
        List<String> all = new ArrayList<>();
        all.add("--urbanorder.photos.folder=" + folder.resolve("photos"));
        all.addAll(List.of(settings));
        return start(heap, folder, EmptyDatabase.arguments(), all.toArray(String[]::new));
    }

    /**
     * Starts it on the given database ({@link EmptyDatabase#arguments()}), which other instances
     * may share, with exports in the folder and photos where the settings say, and waits until it
     * is ready.
     */
    public static ServiceProcess start(String heap, Path folder, List<String> database, String... settings)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-cp",
                System.getProperty("java.class.path"),
                UrbanOrderApplication.class.getName()));
        command.addAll(database);
        command.addAll(List.of(
                "--spring.profiles.active=demo",
                "--urbanorder.demo.reports=false",
                "--server.port=" + port,
                "--urbanorder.security.jwt.secret=" + Fixtures.SIGNING_KEY,
                "--urbanorder.stats.export-dir=" + folder.resolve("exports")));
        command.addAll(List.of(settings));
        Path log = folder.resolve("service.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var service = new ServiceProcess(process, log, port);
        try {
            service.awaitReady();
        } catch (Exception | AssertionError failed) {
            service.close();
            throw failed;
        }
        return service;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public WebTestClient http() {
        return ContractCheckedClient.bindTo(baseUrl());
    }

    /** A bearer token of the demo patrol officer. */
    public String patrolBearer() {
        return "Bearer "
                + Fixtures.attemptSignIn(http(), "patrol1", Fixtures.PASSWORD)
                        .expectStatus()
                        .isOk()
                        .expectBody(TokenResponseDto.class)
                        .returnResult()
                        .getResponseBody()
                        .getAccessToken();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Until the service says it is ready, or fails with its log if it dies or takes two minutes. */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        WebTestClient http = http();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The service did not start:\n" + log());
            }
            try {
                var status = http.get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus();
                if (status.is2xxSuccessful()) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // connection refused while it starts
            }
            Thread.sleep(500);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
