package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.urbanorder.shared.Sha256;

/**
 * Photos taken in for one request: those still arriving are written and hashed, those the
 * multipart reader wrote already are moved in as they are, and all go when the request ends.
 */
class IncomingPhotosTests {

    @TempDir
    Path temp;

    @Test
    void aWrittenFileIsMovedInWithItsHashAndGoesWithItsRequest() throws IOException {
        IncomingPhotos incoming = incoming();
        byte[] bytes = "a photo the reader spooled".getBytes(StandardCharsets.US_ASCII);
        Path spooled =
                Files.write(Files.createDirectories(temp.resolve("multipart")).resolve("x.multipart"), bytes);
        AtomicReference<UploadedPhoto> seen = new AtomicReference<>();

        StepVerifier.create(incoming.receive(
                        List.of(SentPhoto.written(spooled, bytes.length, "c0ffee"), streamed("and one in memory")),
                        1000,
                        IllegalStateException::new,
                        photos -> {
                            seen.set(photos.get(0));
                            assertThat(photos.get(0).file()).hasParent(incoming.folder());
                            assertThat(photos.get(0).file()).hasBinaryContent(bytes);
                            assertThat(photos.get(1).sha256())
                                    .isEqualTo(Sha256.hex("and one in memory".getBytes(StandardCharsets.US_ASCII)));
                            return Mono.just(photos.size());
                        }))
                .expectNext(2)
                .verifyComplete();

        UploadedPhoto photo = seen.get();
        assertThat(photo.sha256()).as("the reader's hash, not computed again").isEqualTo("c0ffee");
        assertThat(photo.sizeBytes()).isEqualTo(bytes.length);
        assertThat(spooled).doesNotExist();
        assertThat(filesIn(incoming.folder())).as("gone with the request").isEmpty();
    }

    @Test
    void aWrittenFileTooLargeIsRefusedAndRemoved() throws IOException {
        IncomingPhotos incoming = incoming();
        Path spooled = Files.write(temp.resolve("big.multipart"), new byte[20]);

        StepVerifier.create(incoming.receive(
                        List.of(SentPhoto.written(spooled, 20, "ab")),
                        10,
                        () -> new IllegalArgumentException("too large"),
                        photos -> Mono.just("never")))
                .expectErrorMessage("too large")
                .verify(Duration.ofSeconds(5));
        assertThat(filesIn(incoming.folder())).isEmpty();
    }

    @Test
    void aMoveKeepsTheFileItselfOnOneFileSystem() throws IOException {
        IncomingPhotos incoming = incoming();
        Path spooled = Files.write(temp.resolve("y.multipart"), new byte[] {1, 2, 3});
        Object inode = Files.getAttribute(spooled, "unix:ino");

        StepVerifier.create(incoming.receive(
                        List.of(SentPhoto.written(spooled, 3, "ab")),
                        10,
                        IllegalStateException::new,
                        photos -> Mono.fromCallable(
                                () -> Files.getAttribute(photos.get(0).file(), "unix:ino"))))
                .expectNext(inode)
                .verifyComplete();
    }

    private IncomingPhotos incoming() {
        return new IncomingPhotos(
                new PhotosProperties(
                        temp.resolve("photos").toString(),
                        10_485_760,
                        6,
                        150,
                        8,
                        Duration.ofHours(1),
                        50_000_000,
                        Duration.ofSeconds(5),
                        null),
                Clock.systemUTC(),
                PhotoStorageConfiguration.LOCAL);
    }

    private static SentPhoto streamed(String text) {
        return SentPhoto.streamed(Flux.<DataBuffer>just(
                DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.US_ASCII))));
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
