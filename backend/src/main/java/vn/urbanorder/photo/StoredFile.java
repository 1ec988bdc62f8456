package vn.urbanorder.photo;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * A file in photo storage on its way to a client: its length and its bytes, read as they are
 * sent. The content can be subscribed to once.
 */
public record StoredFile(long length, Flux<DataBuffer> content) {}
