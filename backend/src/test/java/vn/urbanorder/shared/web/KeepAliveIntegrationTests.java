package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * A phone reuses its connection, and sends its next request as soon as it has the answer to the
 * last one, possibly before the service has finished with it. The service must go on reading that
 * connection whatever order its answers are ready in.
 */
@IntegrationTest
class KeepAliveIntegrationTests {

    /** Longer than any answer takes on a loaded machine, far shorter than a client's timeout. */
    private static final int PATIENCE_MILLIS = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    /**
     * The second request arrives while the first still waits for the database, so it waits behind
     * it, and is answered at once (a 403 needs no database) when its turn comes. Reactor Netty up to
     * 1.3.7 then stopped reading the connection: the third request sat unread until the client gave
     * up (reactor/reactor-netty#4361). A client that sends its next request just before the service
     * has finished with the last reaches the same state; under load the suite hung 30 s that way.
     */
    @Test
    void aRequestAnsweredAtOnceAfterWaitingItsTurnLeavesTheConnectionReadable() throws IOException {
        String inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(PATIENCE_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());

            // One write: both requests reach the service together.
            send(out, get("/api/v1/review-queue?limit=1", inspector) + get("/api/v1/review-queue", patrol));
            assertThat(statusOfNextAnswer(in)).isEqualTo(200);
            assertThat(statusOfNextAnswer(in)).isEqualTo(403);

            send(out, get("/api/v1/review-queue?limit=1", inspector));
            assertThat(statusOfNextAnswer(in))
                    .as("the next request on the same connection is read and answered")
                    .isEqualTo(200);
        }
    }

    private static String get(String path, String bearer) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer + "\r\n\r\n";
    }

    private static void send(OutputStream out, String requests) throws IOException {
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one whole HTTP/1.1 answer (fixed length or chunked) and gives its status. */
    private static int statusOfNextAnswer(InputStream in) throws IOException {
        int status = Integer.parseInt(line(in).split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(
                        lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.skipNBytes(length);
            return status;
        }
        for (long chunk = Long.parseLong(line(in).trim(), 16); chunk > 0; chunk = Long.parseLong(line(in).trim(), 16)) {
            in.skipNBytes(chunk);
            line(in);
        }
        line(in);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the service closed the connection");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
