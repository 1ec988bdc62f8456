package vn.urbanorder.photo.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import vn.urbanorder.photo.StoredFile;

/**
 * A file from photo storage as the body of a {@code ResponseEntity<Resource>}, which is what the
 * interfaces generated from the contract answer for binary content. The usual writer of
 * resources would read it through an {@link InputStream}, blocking the event loop, or hold it
 * whole; {@link StreamedResourceWriter} writes its buffers to the connection as storage reads them
 * instead, so that neither a photo's size nor a slow storage shows in the heap or on a loop. That
 * keeps the generated interface (and the contract check of its signature) as it is, for one small
 * codec.
 */
final class StreamedResource extends AbstractResource {

    private final StoredFile file;

    StreamedResource(StoredFile file) {
        this.file = file;
    }

    /** The bytes, read as they are sent; to be subscribed to once. */
    Flux<DataBuffer> content() {
        return file.content();
    }

    @Override
    public long contentLength() {
        return file.length();
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getDescription() {
        return "a photo file of " + file.length() + " bytes, streamed from storage";
    }

    @Override
    public InputStream getInputStream() throws IOException {
        throw new IOException("A photo file is only streamed (StreamedResourceWriter), never read through a stream");
    }
}
