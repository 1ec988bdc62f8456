package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartSpoolTests {

    @TempDir
    Path temp;

    @Test
    void whatAnEarlierRunLeftIsDeletedAtStartUpAndWhatThisOneLeftAtShutdown() throws IOException {
        Path folder = temp.resolve("spool");
        Files.createDirectories(folder);
        Path crashed = Files.writeString(folder.resolve("1234.multipart"), "half a photo");
        Path notOurs = Files.writeString(folder.resolve("notes.txt"), "someone else's");

        var spool = new MultipartSpool(new HttpProperties(Duration.ofSeconds(30), Duration.ofMinutes(5), folder));

        assertThat(crashed).doesNotExist();
        assertThat(notOurs).exists();
        Path inFlight = Files.writeString(folder.resolve("5678.multipart"), "a photo still arriving");
        spool.empty();
        assertThat(inFlight).doesNotExist();
        assertThat(notOurs).exists();
    }

    @Test
    void theFolderIsCreatedWithItsParents() {
        Path folder = temp.resolve("a/b/spool");

        new MultipartSpool(new HttpProperties(Duration.ofSeconds(30), Duration.ofMinutes(5), folder));

        assertThat(folder).isDirectory();
    }
}
