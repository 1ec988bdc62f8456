package vn.urbanorder.photo;

/**
 * The viewer copies made of every photo: JPEGs scaled to fit a square of the given side, turned
 * upright, and carrying no metadata at all (no EXIF, GPS, XMP or ICC profile). The version is in
 * their names, so that a change in how they are made makes new ones instead of serving the old.
 */
public enum CopySize {
    /** For lists and maps. */
    THUMB(320),
    /** For reading a report on a phone or a desk. */
    VIEW(1600);

    /** Bumped when copies are made differently; part of their names and their ETags. */
    public static final int VERSION = 1;

    private final int longSide;

    CopySize(int longSide) {
        this.longSide = longSide;
    }

    /** The largest width or height of a copy; smaller originals are not enlarged. */
    public int longSide() {
        return longSide;
    }

    /** The copy's name in storage and URLs: {@code thumb}, {@code view}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
