package vn.urbanorder.shared.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the service waits for slow request bodies ({@code urbanorder.http.*}). The idle
 * timeout of connections is Spring Boot's own {@code server.netty.idle-timeout}.
 *
 * @param bodyReadTimeout the longest a request body may pause; beyond, it is cut off with 408
 * @param bodyTimeout the longest a request body may take to arrive, counted from its headers; beyond,
 *     it is cut off with 408. It must fit the largest submission on the slowest link served.
 */
@ConfigurationProperties("urbanorder.http")
record HttpProperties(
        @DefaultValue("30s") Duration bodyReadTimeout,
        @DefaultValue("5m") Duration bodyTimeout) {}
