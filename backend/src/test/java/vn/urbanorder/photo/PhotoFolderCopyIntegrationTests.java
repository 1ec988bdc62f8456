package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.urbanorder.shared.Sha256;
import vn.urbanorder.testing.S3Server;

/**
 * The command that copies a local photo folder into a bucket, run on a folder as an installation
 * leaves it: originals, a file whose content does not match its name, a half-written upload, a
 * viewer copy, an upload in the incoming folder and a stray file. It copies the originals whose
 * hash checks out, refuses the other, leaves the rest alone, and a second run copies nothing.
 */
class PhotoFolderCopyIntegrationTests {

    @TempDir
    Path folder;

    private final String prefix = "copy-" + UUID.randomUUID() + "/";

    @Test
    void copiesEveryOriginalWhoseHashChecksOutOnceAndRefusesTheRest() throws IOException {
        byte[] first = PhotoStorageContract.random(300_000);
        byte[] second = PhotoStorageContract.random(1_000);
        Path firstFile = original(first);
        original(second);
        Path misnamed = place(Sha256.hex(PhotoStorageContract.random(10)), PhotoStorageContract.random(500));
        Path partial = Files.write(firstFile.resolveSibling(".upload-" + UUID.randomUUID() + ".part"), new byte[] {1});
        Path copy = folder.resolve("copies/v1/thumb").resolve(folder.relativize(firstFile) + ".jpg");
        Files.createDirectories(copy.getParent());
        Files.write(copy, new byte[] {2});
        Files.createDirectories(folder.resolve(".incoming"));
        Files.write(folder.resolve(".incoming").resolve(UUID.randomUUID() + ".upload"), new byte[] {3});
        Files.writeString(folder.resolve("README.txt"), "not a photo");

        Run run = copy();

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("Done: 2 copied, 0 already in the bucket, 1 refused (content does not match the name),"
                        + " 0 failed; other files left alone: 2.")
                .contains("REFUSED " + misnamed)
                .contains("Left alone, not named as a photo: " + folder.resolve("README.txt"));
        assertThat(S3Server.instance().keys(prefix))
                .containsExactlyInAnyOrder(key(first), key(second))
                .as("neither the half-written upload nor the copy")
                .noneMatch(key -> key.contains(".part") || key.contains("copies/"));
        assertThat(S3Server.instance().bytes(key(first))).isEqualTo(first);
        assertThat(partial).exists();

        Run again = copy();

        assertThat(again.output())
                .contains("Done: 0 copied, 2 already in the bucket, 1 refused (content does not match the name),"
                        + " 0 failed; other files left alone: 2.");
        assertThat(again.status()).isEqualTo(2);

        Files.delete(misnamed);
        assertThat(copy().status()).as("nothing refused any more").isZero();
    }

    @Test
    void theServiceServesWhatWasCopiedAndKeepsItsOwnRules() throws IOException {
        byte[] photo = PhotoStorageContract.random(20_000);
        original(photo);
        assertThat(copy().status()).isZero();

        try (var storage = S3PhotoStorage.connect(
                S3PhotoStorageIntegrationTests.settings(S3Server.instance().endpoint(), S3Server.BUCKET, prefix))) {
            assertThat(PhotoStorageContract.read(PhotoStorageContract.call(storage.open(Sha256.hex(photo)))))
                    .isEqualTo(photo);
            assertThat(PhotoStorageContract.call(storage.store(
                            Sha256.hex(photo), Files.write(folder.resolve("again"), photo), UUID.randomUUID())))
                    .as("there already")
                    .isNull();
        }
    }

    @Test
    void aMissingBucketOrFolderStopsItWithStatusOne() {
        Run noBucket = copy("--urbanorder.photos.s3.bucket=no-such-bucket");
        assertThat(noBucket.status()).isEqualTo(1);
        assertThat(noBucket.output())
                .contains("no-such-bucket")
                .contains("does not exist")
                .doesNotContain(S3Server.SECRET_KEY);

        Run noFolder = copy("--urbanorder.photos.folder=" + folder.resolve("absent"));
        assertThat(noFolder.status()).isEqualTo(1);
        assertThat(noFolder.output()).contains("there is no folder " + folder.resolve("absent"));
    }

    private record Run(int status, String output) {}

    /** Runs the command as an operator would, with the settings the service takes, some replaced. */
    private Run copy(String... replaced) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("urbanorder.photos.folder", folder.toString());
        settings.putAll(S3Server.instance().settings(prefix));
        settings.remove("urbanorder.photos.storage");
        for (String setting : replaced) {
            settings.put(setting.substring(2, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        String[] arguments = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        var output = new ByteArrayOutputStream();
        int status = PhotoFolderCopy.run(arguments, new PrintStream(output, true, StandardCharsets.UTF_8));
        return new Run(status, output.toString(StandardCharsets.UTF_8));
    }

    private Path original(byte[] bytes) throws IOException {
        return place(Sha256.hex(bytes), bytes);
    }

    private Path place(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name.substring(0, 2))
                .resolve(name.substring(2, 4))
                .resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private String key(byte[] bytes) {
        return S3Server.originalKey(prefix, Sha256.hex(bytes));
    }
}
