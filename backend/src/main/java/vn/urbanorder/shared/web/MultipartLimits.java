package vn.urbanorder.shared.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.webflux.autoconfigure.ReactiveMultipartProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one multipart form may take, from {@code spring.webflux.multipart.*}; -1 for no limit.
 *
 * @param maxParts parts in one form (400 past it)
 * @param maxHeadersSize bytes of one part's headers (413 past it)
 * @param maxInMemorySize bytes a part keeps in memory; a form field may not be larger (413), any
 *     other part goes to a file past it
 * @param maxDiskUsagePerPart bytes of one part (413 past it)
 * @param headersCharset how part headers are read
 */
record MultipartLimits(
        int maxParts, int maxHeadersSize, int maxInMemorySize, long maxDiskUsagePerPart, Charset headersCharset) {

    static MultipartLimits of(ReactiveMultipartProperties properties) {
        return new MultipartLimits(
                properties.getMaxParts() == null ? -1 : properties.getMaxParts(),
                bytes(properties.getMaxHeadersSize(), 10 * 1024),
                bytes(properties.getMaxInMemorySize(), 256 * 1024),
                properties.getMaxDiskUsagePerPart() == null
                        ? -1
                        : properties.getMaxDiskUsagePerPart().toBytes(),
                properties.getHeadersCharset() == null ? StandardCharsets.UTF_8 : properties.getHeadersCharset());
    }

    private static int bytes(DataSize size, int otherwise) {
        return size == null ? otherwise : (int) Math.min(Integer.MAX_VALUE, size.toBytes());
    }
}
