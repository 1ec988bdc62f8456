package vn.urbanorder.shared.web;

import java.nio.file.Path;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.modulith.NamedInterface;

/**
 * A file part of a multipart form too large for memory, as the codec wrote it to a file of its own
 * while the bytes arrived, hashed on the way: a feature that keeps uploads as files takes it over
 * without reading or writing the bytes again. The file is deleted with its request ({@link
 * #delete()}, which the framework calls however the request ends); to keep the bytes beyond the
 * request, move the file away first (a rename on the same file system), after which deleting
 * the part does nothing.
 */
@NamedInterface("multipart")
public interface SpooledFilePart extends FilePart {

    /** Where the bytes are, in the instance's multipart folder ({@code urbanorder.http.multipart-dir}). */
    Path file();

    /** How many bytes the part has. */
    long size();

    /** The SHA-256 of the part's bytes, in lower-case hexadecimal. */
    String sha256();
}
