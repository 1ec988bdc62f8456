package vn.urbanorder.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The browser test classes a JVM skipped for want of Chromium. The first skip and the end of the
 * JVM's tests each print a banner, so that a build that passed without them cannot be mistaken for
 * one that ran them.
 */
final class SkippedBrowserTests implements AutoCloseable {

    private final List<String> classes = new ArrayList<>();

    synchronized void skipped(Class<?> testClass) {
        classes.add(testClass.getSimpleName());
        if (classes.size() == 1) {
            banner("BROWSER TESTS SKIPPED: no Chromium at " + Chromium.executable() + ".");
        }
    }

    /** Called by JUnit when the JVM's tests are done. */
    @Override
    public synchronized void close() {
        banner(classes.size() + " browser test class(es) SKIPPED, not run: " + String.join(", ", classes) + ".");
    }

    private static void banner(String what) {
        String rule = "=".repeat(100);
        PrintStream out = System.out;
        out.println("WARN " + rule);
        out.println("WARN " + what);
        out.println("WARN The rest of the build ran; the field app and pages were NOT tested in a browser.");
        out.println("WARN Install Debian's Chromium: " + Chromium.INSTALL_HINT
                + " (or point URBANORDER_CHROMIUM at a Chromium executable).");
        out.println("WARN .ci/run installs it, and fails when the browser tests do not run"
                + " (URBANORDER_BROWSER_TESTS=required).");
        out.println("WARN " + rule);
        out.flush();
    }
}
