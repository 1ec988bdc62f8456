package vn.urbanorder.identity;

import java.time.Duration;

/** What a sign-in or a refresh hands out. */
public record TokenPair(
        String accessToken, Duration accessExpiresIn, String refreshToken, Duration refreshExpiresIn, User user) {}
