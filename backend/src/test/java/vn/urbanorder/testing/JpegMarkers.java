package vn.urbanorder.testing;

import java.util.ArrayList;
import java.util.List;

/** The markers of a JPEG's segments, in order, from the first after SOI up to the first scan (SOS). */
public final class JpegMarkers {

    private JpegMarkers() {}

    /** E0 is APP0 (JFIF), E1 APP1 (EXIF or XMP), E2 APP2 (ICC), FE a comment, DA the first scan. */
    public static List<Integer> of(byte[] jpeg) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG");
        }
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("no marker at " + at);
            }
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }
}
