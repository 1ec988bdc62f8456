package vn.urbanorder.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;

/**
 * A client on a bare socket, for what a well-behaved HTTP client never does: send a request
 * slowly, stop half-way, or leave before the answer.
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    public static RawClient connect(int port) {
        try {
            return new RawClient(new Socket("localhost", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request line and headers of a POST whose body is {@code bodyLength} bytes long, on a
     * connection the server closes after its answer.
     */
    public static byte[] postHead(String path, String bearer, String contentType, int bodyLength, String requestId) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + (bearer == null ? "" : "Authorization: " + bearer + "\r\n")
                        + "X-Request-Id: " + requestId + "\r\n"
                        + "Connection: close\r\n"
                        + "Content-Type: " + contentType + "\r\n"
                        + "Content-Length: " + bodyLength + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the bytes at once; false if the server has closed the connection. */
    public boolean send(byte[] bytes) {
        return send(bytes, 0, bytes.length);
    }

    public boolean send(byte[] bytes, int from, int length) {
        try {
            out.write(bytes, from, length);
            out.flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /**
     * Sends the bytes one at a time, {@code pause} apart, until all are sent or the server cuts the
     * connection; gives the bytes sent.
     */
    public int trickle(byte[] bytes, Duration pause) {
        for (int i = 0; i < bytes.length; i++) {
            if (!send(bytes, i, 1)) {
                return i;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i + 1;
            }
        }
        return bytes.length;
    }

    /**
     * Whatever the server sends until it closes the connection, as text; {@code null} if it neither
     * answered nor closed within {@code wait}.
     */
    public String answerWithin(Duration wait) {
        var answer = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            byte[] buffer = new byte[8192];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                socket.setSoTimeout((int) left);
                int read = in.read(buffer);
                if (read < 0) {
                    return answer.toString(StandardCharsets.UTF_8);
                }
                answer.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (SocketException reset) {
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer read off the socket, taken apart: its status, headers and body. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public static Answer of(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            var headers = new HttpHeaders();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.add(
                        head[i].substring(0, colon).trim(),
                        head[i].substring(colon + 1).trim());
            }
            return new Answer(
                    Integer.parseInt(head[0].split(" ")[1]),
                    headers,
                    raw.substring(end + 4).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all a test wants of it
        }
    }

    /** A multipart form built by hand, so that a test can send any prefix of it. */
    public static final class Form {

        private final String boundary = "raw-" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        public Form json(String name, String json) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + json + "\r\n");
            return this;
        }

        public Form jpeg(String name, byte[] photo) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"anh.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.writeBytes(photo);
            write("\r\n");
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] bytes() {
            var whole = new ByteArrayOutputStream();
            whole.writeBytes(body.toByteArray());
            whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return whole.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
