package vn.urbanorder.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What {@link BrowserTest} adds to a test class: the skip (or, when required, the failure) without
 * Chromium; the JVM's one Chromium, started on first use and closed after the JVM's last test; a
 * {@link BrowserSession} per test method, and the {@code Page} and {@code BrowserContext} it opens
 * for a method that asks for them; and, when a test fails, screenshots of its open pages.
 */
public final class BrowserTestExtension
        implements ExecutionCondition, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserTestExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Chromium.installed()) {
            return ConditionEvaluationResult.enabled("Chromium at " + Chromium.executable());
        }
        if (Chromium.required()) {
            throw new IllegalStateException("No Chromium at " + Chromium.executable()
                    + ", and URBANORDER_BROWSER_TESTS=required: the browser tests must run. Install it with `"
                    + Chromium.INSTALL_HINT + "`, or point URBANORDER_CHROMIUM at a Chromium executable.");
        }
        if (context.getTestMethod().isEmpty()) {
            context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(
                            SkippedBrowserTests.class, key -> new SkippedBrowserTests(), SkippedBrowserTests.class)
                    .skipped(context.getRequiredTestClass());
        }
        return ConditionEvaluationResult.disabled("SKIPPED: no Chromium at " + Chromium.executable()
                + " (install it with `" + Chromium.INSTALL_HINT + "`)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return parameter.getDeclaringExecutable() instanceof Method
                && (type == BrowserSession.class || type == Page.class || type == BrowserContext.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        BrowserSession session = session(context);
        if (type == BrowserSession.class) {
            return session;
        }
        // One phone page per test, shared by its @BeforeEach methods and itself.
        Page page = store(context).computeIfAbsent(Page.class, key -> session.phone(), Page.class);
        return type == Page.class ? page : page.context();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        BrowserSession session = store(context).get(BrowserSession.class, BrowserSession.class);
        if (session != null) {
            List<Path> saved =
                    session.screenshotEverything(context.getRequiredTestClass().getSimpleName() + "."
                            + context.getRequiredTestMethod().getName() + "-failed");
            System.out.println("The failed test's pages: " + saved);
        }
        throw failure;
    }

    /** The test method's session, closed (with its contexts) when the method's context ends. */
    private static BrowserSession session(ExtensionContext context) {
        return store(context)
                .computeIfAbsent(
                        BrowserSession.class,
                        key -> new BrowserSession(chromium(context).browser(), baseUrl(context)),
                        BrowserSession.class);
    }

    /** The JVM's Chromium, kept in the root context so that JUnit closes it after the last test. */
    private static Chromium chromium(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, key -> Chromium.launch(), Chromium.class);
    }

    private static String baseUrl(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        return "http://localhost:" + port;
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }
}
