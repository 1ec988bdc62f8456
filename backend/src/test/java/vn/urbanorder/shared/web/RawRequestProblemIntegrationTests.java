package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.testing.IntegrationTest;

/**
 * Requests no well-behaved client sends, written byte for byte on a socket (a client library would
 * tidy them up), still get an RFC 9457 problem with a request id: the ones the firewall refuses,
 * and the ones the HTTP server itself refuses before the application sees them.
 */
@IntegrationTest
class RawRequestProblemIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api//v1/categories",
                "/api/v1;jsessionid=1/categories",
                "/api/v1%2Fcategories",
                "/api/v1/reports/../categories",
                "/api/v1/categories%00",
                "/api/v1/%2e%2e/v1/categories",
                "/api/v1/categories%5C"
            })
    void aPathTheFirewallRefusesIsABadRequestProblem(String path) throws IOException {
        Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        JsonNode problem = answer.problem();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.get("detail").asString()).startsWith("Yêu cầu bị từ chối");
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(problem.get("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
    }

    @Test
    void aRequestLineTooLongIsAUriTooLongProblem() throws IOException {
        Answer answer = send("GET /api/v1/categories?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(414);
        JsonNode problem = answer.problem();
        assertThat(problem.get("status").asInt()).isEqualTo(414);
        assertThat(problem.get("title").asString()).isEqualTo("URI Too Long");
        assertThat(problem.get("detail").asString()).isEqualTo("Địa chỉ yêu cầu (URI) quá dài.");
        assertThat(problem.get("requestId").asString()).isNotBlank().isEqualTo(answer.header("X-Request-Id"));
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertStillServing();
    }

    @Test
    void headersTooLargeAreARequestHeaderFieldsTooLargeProblem() throws IOException {
        Answer answer = send(
                "GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(9000) + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(431);
        JsonNode problem = answer.problem();
        assertThat(problem.get("status").asInt()).isEqualTo(431);
        assertThat(problem.get("title").asString()).isEqualTo("Request Header Fields Too Large");
        assertThat(problem.get("detail").asString()).isEqualTo("Phần đầu (header) của yêu cầu quá lớn.");
        assertThat(problem.get("requestId").asString()).isNotBlank().isEqualTo(answer.header("X-Request-Id"));
        assertStillServing();
    }

    @Test
    void somethingThatIsNotHttpIsABadRequestProblem() throws IOException {
        Answer answer = send("HELLO\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problem().get("detail").asString()).startsWith("Yêu cầu HTTP sai cú pháp");
        assertThat(answer.problem().get("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
    }

    @Test
    void anAddressThatIsNoUriIsABadRequestProblemWithTheCallersRequestId() throws IOException {
        Answer answer = send("GET /api/v1/categories|x HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: phone-42\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problem().get("status").asInt()).isEqualTo(400);
        assertThat(answer.problem().get("requestId").asString()).isEqualTo("phone-42");
        assertThat(answer.header("X-Request-Id")).isEqualTo("phone-42");
    }

    @Test
    void anAnswerToHeadKeepsItsEmptyBody() throws IOException {
        Answer answer = send("HEAD /api/v1/categories|x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEmpty();
    }

    /** The server answers the next client as usual. */
    private void assertStillServing() throws IOException {
        Answer answer = send("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode problem() {
            assertThat(header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(Integer.parseInt(header("Content-Length"))).isEqualTo(body.length);
            return JSON.readTree(body);
        }
    }

    /** Sends the bytes as they are, and reads the answer up to its length or the connection's end. */
    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new TreeMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            String length = headers.get("content-length");
            byte[] body;
            if (request.startsWith("HEAD") || length == null) {
                body = request.startsWith("HEAD") ? new byte[0] : in.readAllBytes();
            } else {
                body = in.readNBytes(Integer.parseInt(length));
            }
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
