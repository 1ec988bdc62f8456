package vn.urbanorder.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole service: started on a random port, on the run's real PostgreSQL, with the
 * demo data but the demo reports, reached over HTTP through a {@code WebTestClient} whose every response is checked
 * against the contract. {@link Fixtures} makes wards, users and tokens of the test's own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "urbanorder.security.jwt.secret=" + Fixtures.SIGNING_KEY,
            "urbanorder.photos.folder=" + Fixtures.PHOTO_FOLDER,
            // Every test signs in from 127.0.0.1; the per-address limit has a test of its own.
            "urbanorder.security.sign-in.max-failures-per-address=100000",
            // The demo's 200 reports lie at random spots: a test's report there would be their duplicate.
            "urbanorder.demo.reports=false",
            // Rebuilds read reports two at a time, so a test of a few reports goes through the paging.
            "urbanorder.locations.rebuild-batch=2",
            // Export files are built here, so a test can see that none is left behind.
            "urbanorder.stats.export-dir=" + Fixtures.EXPORT_FOLDER,
            // Multipart uploads are spooled here, so a test can see that none is left behind.
            "urbanorder.http.multipart-dir=" + Fixtures.MULTIPART_FOLDER
        })
@ActiveProfiles("demo")
@Import({ContractCheckedClient.class, Fixtures.class})
public @interface IntegrationTest {}
