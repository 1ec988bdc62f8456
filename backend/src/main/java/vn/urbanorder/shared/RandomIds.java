package vn.urbanorder.shared;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs from a fast non-cryptographic source, for ids that must be unique but
 * need not be secret. {@link UUID#randomUUID()} may block reading the system's entropy, which an
 * event loop must never do; secrets such as tokens use {@code SecureRandom} off the event loops.
 */
public final class RandomIds {

    private RandomIds() {}

    public static UUID uuid() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low);
    }
}
