package vn.urbanorder.photo;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * What a format's structural reader found in a file that parses as its type: the declared size
 * and, if the file has one, its EXIF (a TIFF block, never larger than {@link #MAX_EXIF_BYTES}).
 *
 * @param exif the first EXIF block as a read-only view of the file's bytes, or null
 */
record ImageStructure(
        PhotoType type, long width, long height, @Nullable ByteBuffer exif) {

    /** What a camera can write: EXIF lives in a JPEG APP1 segment, which holds at most 64 KB. */
    static final int MAX_EXIF_BYTES = 64 * 1024;

    /** Reads the file as the type its first bytes claim; {@link NotAnImage} if it is not one. */
    static ImageStructure read(ByteBuffer bytes, PhotoType claimed) {
        return switch (claimed) {
            case JPEG -> JpegStructure.read(bytes);
            case PNG -> PngStructure.read(bytes);
            case WEBP -> WebpStructure.read(bytes);
            case HEIC -> HeifStructure.read(bytes);
        };
    }

    /** Width times height; {@link Long#MAX_VALUE} when that does not fit a long. */
    long pixels() {
        try {
            return Math.multiplyExact(width, height);
        } catch (ArithmeticException beyondAnyLimit) {
            return Long.MAX_VALUE;
        }
    }

    /** A view of the EXIF bytes, after checking that they stay within the budget. */
    static ByteBuffer exif(ByteBuffer bytes, int offset, int length) {
        if (length > MAX_EXIF_BYTES) {
            throw new MetadataOverBudget("EXIF of " + length + " bytes");
        }
        return bytes.slice(offset, length).asReadOnlyBuffer();
    }
}
