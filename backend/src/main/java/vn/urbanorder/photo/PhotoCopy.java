package vn.urbanorder.photo;

/**
 * A viewer copy of a photo on its way to a client: the stored JPEG or, when the original cannot
 * be decoded here, a neutral placeholder of the same size, so that the client shows a tile and
 * may offer the original.
 *
 * @param available false when the file is the placeholder
 */
public record PhotoCopy(CopySize size, boolean available, StoredFile file) {

    static PhotoCopy of(CopySize size, StoredFile file) {
        return new PhotoCopy(size, true, file);
    }
}
