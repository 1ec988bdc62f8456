package vn.urbanorder.shared;

import java.net.URI;

/** The problem types this service defines beyond plain HTTP statuses; docs/errors.md lists them. */
public final class ProblemTypes {

    private static final String BASE = "https://urbanorder.vn/problems/";

    /** Fields of the request break the rules; the problem's {@code errors} lists each. */
    public static final URI VALIDATION = URI.create(BASE + "validation");

    /**
     * 403: the caller's password was set by someone else (a ward admin), and they must change it
     * before anything else.
     */
    public static final URI PASSWORD_CHANGE_REQUIRED = URI.create(BASE + "password-change-required");

    private ProblemTypes() {}
}
