package vn.urbanorder.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the whole service through a real browser: the service as for {@link IntegrationTest},
 * and Debian's headless Chromium driven by Playwright, one per test JVM. A test method asks for a
 * {@code Page} (a fresh phone-sized one) or a {@link BrowserSession} (to open pages of any
 * {@link Screen}). Such classes are named {@code *BrowserTests} and run with the integration
 * tests. Without Chromium they are skipped, and the run says so loudly; with
 * {@code URBANORDER_BROWSER_TESTS=required} (as in CI) they fail instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@ExtendWith(BrowserTestExtension.class)
@Tag("browser")
public @interface BrowserTest {}
