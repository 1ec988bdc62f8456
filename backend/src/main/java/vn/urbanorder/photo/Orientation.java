package vn.urbanorder.photo;

import java.awt.geom.AffineTransform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * How a camera says its pixels must be turned to stand upright: the EXIF Orientation tag (0x0112)
 * of the first directory, 1 to 8. Phones write the sensor's rows as they are and set this tag
 * instead of rotating, so a copy that dropped the tag without applying it would lie on its side.
 * Only this one value is read, from a block the inspector has already walked within its budget;
 * anything unreadable counts as upright.
 */
enum Orientation {
    UPRIGHT(false),
    MIRRORED(false),
    UPSIDE_DOWN(false),
    UPSIDE_DOWN_MIRRORED(false),
    /** 5: mirrored along the main diagonal. */
    TRANSPOSED(true),
    /** 6: the camera was turned right; the picture must turn 90° clockwise. */
    TURNED_RIGHT(true),
    /** 7: mirrored along the other diagonal. */
    TRANSVERSED(true),
    /** 8: the camera was turned left; the picture must turn 90° counter-clockwise. */
    TURNED_LEFT(true);

    private static final int TAG = 0x0112;
    private static final int SHORT = 3;

    private final boolean swapsSides;

    Orientation(boolean swapsSides) {
        this.swapsSides = swapsSides;
    }

    /** True when the upright picture's width is the stored picture's height. */
    boolean swapsSides() {
        return swapsSides;
    }

    /** The orientation an EXIF (TIFF) block states; upright when it states none it can read. */
    static Orientation of(@Nullable ByteBuffer exif) {
        if (exif == null) {
            return UPRIGHT;
        }
        ByteBuffer tiff = exif.slice();
        if (tiff.limit() < 8) {
            return UPRIGHT;
        }
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) == 'M' && tiff.get(1) == 'M') {
            tiff.order(ByteOrder.BIG_ENDIAN);
        } else {
            return UPRIGHT;
        }
        long directory = tiff.getInt(4) & 0xFFFF_FFFFL;
        if (directory < 8 || directory + 2 > tiff.limit()) {
            return UPRIGHT;
        }
        int entries = tiff.getShort((int) directory) & 0xFFFF;
        for (int i = 0; i < Math.min(entries, ExifFacts.MAX_ENTRIES); i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > tiff.limit()) {
                return UPRIGHT;
            }
            if ((tiff.getShort(entry) & 0xFFFF) == TAG) {
                if ((tiff.getShort(entry + 2) & 0xFFFF) != SHORT || tiff.getInt(entry + 4) != 1) {
                    return UPRIGHT;
                }
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? values()[value - 1] : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /**
     * The transform that draws a stored picture of the given size upright, scaled by the factor,
     * with its top left corner at the origin. Each orientation maps a stored point (x, y) to its
     * upright place: 6, for one, turns it clockwise to (height - y, x).
     */
    AffineTransform drawing(int width, int height, double scale) {
        AffineTransform upright =
                switch (this) {
                    case UPRIGHT -> new AffineTransform();
                    case MIRRORED -> new AffineTransform(-1, 0, 0, 1, width, 0);
                    case UPSIDE_DOWN -> new AffineTransform(-1, 0, 0, -1, width, height);
                    case UPSIDE_DOWN_MIRRORED -> new AffineTransform(1, 0, 0, -1, 0, height);
                    case TRANSPOSED -> new AffineTransform(0, 1, 1, 0, 0, 0);
                    case TURNED_RIGHT -> new AffineTransform(0, 1, -1, 0, height, 0);
                    case TRANSVERSED -> new AffineTransform(0, -1, -1, 0, height, width);
                    case TURNED_LEFT -> new AffineTransform(0, -1, 1, 0, 0, width);
                };
        AffineTransform drawing = AffineTransform.getScaleInstance(scale, scale);
        drawing.concatenate(upright);
        return drawing;
    }
}
