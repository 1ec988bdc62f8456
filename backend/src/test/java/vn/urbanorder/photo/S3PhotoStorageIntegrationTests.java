package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.urbanorder.testing.S3Server;

/**
 * The storage contract on a bucket of a real S3 protocol server (S3Mock), and what is particular
 * to a bucket: where objects go, the stamp in their metadata, and the start-up check.
 */
class S3PhotoStorageIntegrationTests extends PhotoStorageContract {

    private static final String PREFIX = "contract-" + UUID.randomUUID() + "/";

    private static S3PhotoStorage storage;

    @BeforeAll
    static void connect() {
        storage = S3PhotoStorage.connect(settings(S3Server.instance().endpoint(), S3Server.BUCKET, PREFIX));
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Override
    PhotoStorage storage() {
        return storage;
    }

    @Test
    void objectsAreNamedAsInTheLocalFolderUnderThePrefix() throws IOException {
        byte[] bytes = random(1_000);
        String sha = sha(bytes);
        String stamp = call(storage.store(sha, upload(bytes), UUID.randomUUID()));
        call(storage.storeCopy(sha, CopySize.VIEW, random(100)));

        String original = PREFIX + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
        String copy = PREFIX + "copies/v" + CopySize.VERSION + "/view/" + sha.substring(0, 2) + "/"
                + sha.substring(2, 4) + "/" + sha + ".jpg";
        assertThat(S3Server.instance().keys(PREFIX)).contains(original, copy);
        assertThat(S3Server.instance().bytes(original)).isEqualTo(bytes);
        assertThat(S3Server.instance().metadata(original)).containsEntry(S3PhotoStorage.STAMP, stamp);
    }

    /** What Content-MD5 is sent for: the store keeps no upload whose bytes differ from it. */
    @Test
    void theStoreRefusesAnUploadWhoseBytesDoNotMatchItsMd5() throws Exception {
        byte[] sent = random(1_000);
        String key = PREFIX + "damaged-on-the-way";

        var answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        S3Server.instance().endpoint().resolve("/" + S3Server.BUCKET + "/" + key))
                                .header("Content-MD5", S3PhotoStorage.md5(random(1_000)))
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(sent))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Content-MD5"); // AWS S3 says BadDigest
        assertThat(S3Server.instance().keys(PREFIX)).doesNotContain(key);
    }

    @Test
    void aPrefixIsAFolderHoweverItIsWritten() {
        assertThat(settings(URI.create("http://localhost"), "b", "/photos").keyPrefix())
                .isEqualTo("photos/");
        assertThat(settings(URI.create("http://localhost"), "b", "a/b/").keyPrefix())
                .isEqualTo("a/b/");
        assertThat(settings(URI.create("http://localhost"), "b", "").keyPrefix())
                .isEmpty();
    }

    @Test
    void startUpFailsOnAMissingBucketSayingWhichWithoutTheSecret() {
        var settings = settings(S3Server.instance().endpoint(), "no-such-bucket", "");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3PhotoStorage.connect(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-bucket")
                .hasMessageContaining("does not exist")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(S3Server.SECRET_KEY));
    }

    @Test
    void startUpFailsOnAnEndpointNobodyAnswers() {
        // Port 1 (tcpmux) is nobody's here, so the connection is refused at once.
        var settings = settings(URI.create("http://127.0.0.1:1"), S3Server.BUCKET, "");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3PhotoStorage.connect(settings))
                .hasMessageContaining("Cannot reach the photo storage's bucket 'photos' at http://127.0.0.1:1: ")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(S3Server.SECRET_KEY));
    }

    @Test
    void halfTheCredentialsIsRefused() {
        var half = new S3StorageProperties(
                S3Server.instance().endpoint(), "us-east-1", S3Server.BUCKET, "key", null, true, "");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3PhotoStorage.connect(half))
                .hasMessageContaining("only the access key is set");
        assertThat(new S3StorageProperties(null, "us-east-1", "b", "key", "s3cr3t", false, "").toString())
                .doesNotContain("s3cr3t");
    }

    static S3StorageProperties settings(URI endpoint, String bucket, String prefix) {
        return new S3StorageProperties(
                endpoint, "us-east-1", bucket, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true, prefix);
    }
}
