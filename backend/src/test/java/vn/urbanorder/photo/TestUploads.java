package vn.urbanorder.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.urbanorder.shared.Sha256;

/** Photos as if uploaded: each in a temporary file of its own, removed when the test JVM exits. */
public final class TestUploads {

    private TestUploads() {}

    public static UploadedPhoto of(byte[] bytes) {
        try {
            Path file = Files.createTempFile("test-upload-", ".upload");
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return new UploadedPhoto(file, bytes.length, Sha256.hex(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<UploadedPhoto> of(List<byte[]> photos) {
        return photos.stream().map(TestUploads::of).toList();
    }

    /** The bytes of an inspected photo's file. */
    public static byte[] bytesOf(InspectedPhoto photo) {
        try {
            return Files.readAllBytes(photo.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
