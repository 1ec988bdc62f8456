package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.Sha256;

/**
 * What every {@link PhotoStorage} promises, run against each of them ({@link
 * LocalPhotoStorageTests}, {@link S3PhotoStorageIntegrationTests}). Every call is made from a
 * non-blocking thread, where BlockHound fails it if it blocks.
 */
abstract class PhotoStorageContract {

    @TempDir
    Path work;

    /** The storage under test; it may hold files of other tests, never of the same bytes. */
    abstract PhotoStorage storage();

    @Test
    void storingNewBytesCreatesTheFileAndAnswersItsStamp() throws IOException {
        byte[] bytes = random(300_000);
        Path upload = upload(bytes);

        String stamp = call(storage().store(sha(bytes), upload, UUID.randomUUID()));

        assertThat(stamp).isNotBlank();
        assertThat(call(storage().exists(sha(bytes)))).isTrue();
        assertThat(read(call(storage().open(sha(bytes))))).isEqualTo(bytes);
        assertThat(call(storage().open(sha(bytes))).length()).isEqualTo(bytes.length);
        assertThat(upload).as("the caller's file, which the caller removes").exists();
    }

    @Test
    void storingBytesThatAreThereAnswersNothingAndRenewsTheStamp() throws IOException {
        byte[] bytes = random(50_000);
        String created = call(storage().store(sha(bytes), upload(bytes), UUID.randomUUID()));

        String again = call(storage().store(sha(bytes), upload(bytes), UUID.randomUUID()));

        assertThat(created).isNotNull();
        assertThat(again).as("it was there already").isNull();
        assertThat(call(storage().deleteIfUnchanged(sha(bytes), created)))
                .as("somebody else stored it since its creator did")
                .isFalse();
        assertThat(call(storage().exists(sha(bytes)))).isTrue();
        assertThat(read(call(storage().open(sha(bytes))))).isEqualTo(bytes);
    }

    @Test
    void theCreatorRemovesAFileNobodyStoredSince() throws IOException {
        byte[] bytes = random(20_000);
        String stamp = call(storage().store(sha(bytes), upload(bytes), UUID.randomUUID()));

        assertThat(call(storage().deleteIfUnchanged(sha(bytes), "somebody else's stamp")))
                .isFalse();
        assertThat(call(storage().deleteIfUnchanged(sha(bytes), stamp))).isTrue();

        assertThat(call(storage().exists(sha(bytes)))).isFalse();
        assertThat(call(storage().open(sha(bytes)))).isNull();
        assertThat(call(storage().deleteIfUnchanged(sha(bytes), stamp)))
                .as("gone already")
                .isFalse();
        assertThat(call(storage().store(sha(bytes), upload(bytes), UUID.randomUUID())))
                .as("stored anew, with a new stamp")
                .isNotNull()
                .isNotEqualTo(stamp);
    }

    @Test
    void nothingIsThereForBytesNeverStored() {
        String sha = sha(random(100));

        assertThat(call(storage().exists(sha))).isFalse();
        assertThat(call(storage().open(sha))).isNull();
        assertThat(call(storage().openCopy(sha, CopySize.THUMB))).isNull();
        assertThat(call(storage().download(sha, work.resolve("absent")))).isFalse();
        assertThat(work.resolve("absent")).doesNotExist();
        call(storage().removeUnfinished(sha, UUID.randomUUID()));
    }

    @Test
    void anOriginalIsDownloadedIntoANewFile() throws IOException {
        byte[] bytes = random(700_000);
        call(storage().store(sha(bytes), upload(bytes), UUID.randomUUID()));
        Path target = work.resolve("downloaded");

        assertThat(call(storage().download(sha(bytes), target))).isTrue();

        assertThat(target).hasBinaryContent(bytes);
    }

    @Test
    void aLargeFileIsServedInPiecesAsItIsRead() throws IOException {
        byte[] bytes = random(2_000_000);
        call(storage().store(sha(bytes), upload(bytes), UUID.randomUUID()));

        List<DataBuffer> pieces =
                call(storage().open(sha(bytes)).flatMap(file -> file.content().collectList()));

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(pieces.stream().mapToInt(DataBuffer::readableByteCount).sum())
                .isEqualTo(bytes.length);
        pieces.forEach(DataBufferUtils::release);
    }

    @Test
    void viewerCopiesAreKeptBesideTheOriginalAndReplacedWhole() throws IOException {
        byte[] original = random(10_000);
        byte[] thumb = random(3_000);
        byte[] remade = random(2_000);
        call(storage().store(sha(original), upload(original), UUID.randomUUID()));

        call(storage().storeCopy(sha(original), CopySize.THUMB, thumb));
        assertThat(read(call(storage().openCopy(sha(original), CopySize.THUMB))))
                .isEqualTo(thumb);
        call(storage().storeCopy(sha(original), CopySize.THUMB, remade));

        assertThat(read(call(storage().openCopy(sha(original), CopySize.THUMB))))
                .isEqualTo(remade);
        assertThat(call(storage().openCopy(sha(original), CopySize.THUMB)).length())
                .isEqualTo(remade.length);
        assertThat(call(storage().openCopy(sha(original), CopySize.VIEW))).isNull();
        assertThat(read(call(storage().open(sha(original))))).isEqualTo(original);
    }

    /** Runs the call from a non-blocking thread and waits for its answer (null when empty). */
    static <T> T call(Mono<T> call) {
        return Mono.defer(() -> call).subscribeOn(Schedulers.parallel()).block();
    }

    static byte[] read(StoredFile file) {
        return Mono.defer(() -> DataBufferUtils.join(file.content()))
                .subscribeOn(Schedulers.parallel())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .block();
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static String sha(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** The bytes in a file of the caller's, as an upload leaves them. */
    Path upload(byte[] bytes) throws IOException {
        return Files.write(work.resolve(UUID.randomUUID() + ".upload"), bytes);
    }
}
