package vn.urbanorder.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls we accept on event loops in tests: writing a log line to the console,
 * Hibernate Validator reading its message bundles and building a type's constraint metadata the
 * first time it needs them (its metadata cache locks while two requests build it at once), Jackson's
 * short lock while it builds a type's deserializer the first time two requests need it at once
 * (each happens once, then is cached), the test client seeding its random multipart boundary, and
 * the S3 client's connection pools waiting for their connections to close when the client is
 * closed (on Netty's global executor, once, at shutdown).
 * Everything else blocking there fails the test that caused it.
 */
public class KnownBlockingCalls implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend");
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl", "getBeanMetaData");
        builder.allowBlockingCallsInside(
                "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        builder.allowBlockingCallsInside("org.springframework.util.MimeTypeUtils", "generateMultipartBoundary");
        builder.allowBlockingCallsInside("io.netty.channel.pool.SimpleChannelPool", "close");
    }
}
