package vn.urbanorder.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What went wrong in a context's pages that a user would not see at once: errors written to the
 * console (Chromium writes each Content Security Policy violation there, and each failed
 * resource) and uncaught exceptions. Warnings are kept apart.
 */
public final class PageProblems {

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private PageProblems() {}

    static PageProblems watch(BrowserContext context) {
        PageProblems problems = new PageProblems();
        context.onConsoleMessage(problems::console);
        context.onWebError(error -> problems.errors.add("uncaught: " + error.error()));
        return problems;
    }

    /** Console errors and uncaught exceptions so far, each with where it came from. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The errors that are Content Security Policy violations. */
    public List<String> policyViolations() {
        return errors.stream()
                .filter(error -> error.contains("Content Security Policy"))
                .toList();
    }

    private void console(ConsoleMessage message) {
        String where =
                message.location() == null || message.location().isEmpty() ? "" : " (" + message.location() + ")";
        switch (message.type()) {
            case "error" -> errors.add(message.text() + where);
            case "warning" -> warnings.add(message.text() + where);
            default -> {}
        }
    }
}
