package vn.urbanorder.photo;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a local folder. */
class LocalPhotoStorageTests extends PhotoStorageContract {

    @TempDir
    Path folder;

    private PhotoStorage storage;

    @BeforeEach
    void folder() {
        storage = new LocalPhotoStorage(new PhotosProperties(
                folder.toString(),
                10_485_760,
                6,
                150,
                8,
                Duration.ofHours(1),
                50_000_000,
                Duration.ofSeconds(5),
                null));
    }

    @Override
    PhotoStorage storage() {
        return storage;
    }
}
