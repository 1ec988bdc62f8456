package vn.urbanorder.photo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.GeoPoint;

/**
 * The few EXIF values the service uses, read from a TIFF block by a reader that looks at nothing
 * else: when the photo was taken (DateTimeOriginal, with its sub-seconds and offset when given)
 * and where (the GPS latitude and longitude with their references).
 *
 * <p>Before reading, it walks every directory it can reach (IFD0 and those chained after it, and
 * the Exif, GPS and interoperability directories), up to {@value #MAX_DIRECTORIES} of them, and
 * refuses the block ({@link MetadataOverBudget}) when a directory has over {@value
 * #MAX_ENTRIES} entries or when the values the entries declare add up to more bytes than the block
 * holds: values of an honest file never overlap, and a file whose values do is asking a reader to
 * build the same bytes many times over. What is merely broken (offsets out of the block, wrong
 * types, unparseable dates) is left unread, as if the photo had no such value.
 */
record ExifFacts(@Nullable Instant takenAt, @Nullable GeoPoint gps) {

    static final ExifFacts NONE = new ExifFacts(null, null);

    static final int MAX_DIRECTORIES = 8;
    static final int MAX_ENTRIES = 1000;

    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    private static final int INTEROPERABILITY_IFD = 0xA005;
    private static final int DATE_TIME_ORIGINAL = 0x9003;
    private static final int OFFSET_TIME_ORIGINAL = 0x9011;
    private static final int SUB_SEC_TIME_ORIGINAL = 0x9291;
    private static final int GPS_LATITUDE_REF = 0x0001;
    private static final int GPS_LATITUDE = 0x0002;
    private static final int GPS_LONGITUDE_REF = 0x0003;
    private static final int GPS_LONGITUDE = 0x0004;

    private static final int ASCII = 2;
    private static final int RATIONAL = 5;
    /** Bytes per value of each TIFF type (1 to 13); 0 for types the standard does not define. */
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    private static final DateTimeFormatter EXIF_TIME =
            DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    /** Reads the values; {@link #NONE} for a block that is not TIFF. */
    static ExifFacts read(ByteBuffer block, ZoneId localZone) {
        ByteBuffer tiff = block.slice();
        if (tiff.limit() < 8) {
            return NONE;
        }
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) == 'M' && tiff.get(1) == 'M') {
            tiff.order(ByteOrder.BIG_ENDIAN);
        } else {
            return NONE;
        }
        if (u16(tiff, 2) != 42) {
            return NONE;
        }
        var found = new Found();
        walk(tiff, found);
        return new ExifFacts(takenAt(tiff, found, localZone), gps(tiff, found));
    }

    /** Where the entries the service reads are, as offsets in the block; -1 for none. */
    private static final class Found {
        int dateTimeOriginal = -1;
        int offsetTimeOriginal = -1;
        int subSecTimeOriginal = -1;
        int latitudeRef = -1;
        int latitude = -1;
        int longitudeRef = -1;
        int longitude = -1;
    }

    private enum Kind {
        MAIN,
        EXIF,
        GPS,
        OTHER
    }

    private static void walk(ByteBuffer tiff, Found found) {
        long[] queue = new long[MAX_DIRECTORIES];
        Kind[] kinds = new Kind[MAX_DIRECTORIES];
        int queued = 0;
        queue[queued] = u32(tiff, 4);
        kinds[queued++] = Kind.MAIN;
        long declared = 0;
        for (int next = 0; next < queued; next++) {
            long directory = queue[next];
            if (directory < 8 || directory + 2 > tiff.limit() || seen(queue, next, directory)) {
                continue; // out of the block, or a loop: nothing to read there
            }
            int entries = u16(tiff, (int) directory);
            if (entries > MAX_ENTRIES) {
                throw new MetadataOverBudget("a directory of " + entries + " entries");
            }
            long end = directory + 2 + 12L * entries;
            if (end > tiff.limit()) {
                continue;
            }
            for (int entry = (int) directory + 2; entry < end; entry += 12) {
                int tag = u16(tiff, entry);
                int type = u16(tiff, entry + 2);
                long bytes = type < TYPE_SIZES.length ? TYPE_SIZES[type] * u32(tiff, entry + 4) : 0;
                if (bytes > 4 && u32(tiff, entry + 8) + bytes <= tiff.limit()) {
                    declared += bytes;
                    if (declared > tiff.limit()) {
                        throw new MetadataOverBudget(
                                "values declared over " + declared + " bytes in a block of " + tiff.limit());
                    }
                }
                Kind kind = pointer(kinds[next], tag);
                if (kind != null && bytes == 4 && queued < MAX_DIRECTORIES) {
                    queue[queued] = u32(tiff, entry + 8);
                    kinds[queued++] = kind;
                } else if (kind != null && bytes == 4) {
                    throw new MetadataOverBudget("over " + MAX_DIRECTORIES + " directories");
                }
                note(found, kinds[next], tag, entry);
            }
            long chained = end + 4 <= tiff.limit() ? u32(tiff, (int) end) : 0;
            if (chained != 0 && kinds[next] == Kind.MAIN) {
                if (queued == MAX_DIRECTORIES) {
                    throw new MetadataOverBudget("over " + MAX_DIRECTORIES + " directories");
                }
                queue[queued] = chained;
                kinds[queued++] = Kind.OTHER;
            }
        }
    }

    /** What a pointer tag in a directory of this kind leads to; null if the tag is no pointer. */
    private static @Nullable Kind pointer(Kind in, int tag) {
        if (in == Kind.MAIN && tag == EXIF_IFD) {
            return Kind.EXIF;
        }
        if (in == Kind.MAIN && tag == GPS_IFD) {
            return Kind.GPS;
        }
        if (in == Kind.EXIF && tag == INTEROPERABILITY_IFD) {
            return Kind.OTHER;
        }
        return null;
    }

    private static void note(Found found, Kind kind, int tag, int entry) {
        if (kind == Kind.EXIF) {
            switch (tag) {
                case DATE_TIME_ORIGINAL -> found.dateTimeOriginal = first(found.dateTimeOriginal, entry);
                case OFFSET_TIME_ORIGINAL -> found.offsetTimeOriginal = first(found.offsetTimeOriginal, entry);
                case SUB_SEC_TIME_ORIGINAL -> found.subSecTimeOriginal = first(found.subSecTimeOriginal, entry);
                default -> {}
            }
        } else if (kind == Kind.GPS) {
            switch (tag) {
                case GPS_LATITUDE_REF -> found.latitudeRef = first(found.latitudeRef, entry);
                case GPS_LATITUDE -> found.latitude = first(found.latitude, entry);
                case GPS_LONGITUDE_REF -> found.longitudeRef = first(found.longitudeRef, entry);
                case GPS_LONGITUDE -> found.longitude = first(found.longitude, entry);
                default -> {}
            }
        }
    }

    private static int first(int found, int entry) {
        return found < 0 ? entry : found;
    }

    private static boolean seen(long[] queue, int before, long directory) {
        for (int i = 0; i < before; i++) {
            if (queue[i] == directory) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Instant takenAt(ByteBuffer tiff, Found found, ZoneId localZone) {
        String text = ascii(tiff, found.dateTimeOriginal);
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.replace('-', ':'), EXIF_TIME);
            String fraction = ascii(tiff, found.subSecTimeOriginal);
            if (fraction != null && fraction.matches("[0-9]{1,9}")) {
                // Milliseconds, as the service has always kept them.
                local = local.plusNanos(Integer.parseInt((fraction + "00").substring(0, 3)) * 1_000_000L);
            }
            String offset = ascii(tiff, found.offsetTimeOriginal);
            ZoneId zone = localZone;
            if (offset != null && offset.matches("[+-][0-9]{2}:[0-9]{2}")) {
                zone = ZoneOffset.of(offset);
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    private static @Nullable GeoPoint gps(ByteBuffer tiff, Found found) {
        String latitudeRef = ascii(tiff, found.latitudeRef);
        String longitudeRef = ascii(tiff, found.longitudeRef);
        double latitude = degrees(tiff, found.latitude);
        double longitude = degrees(tiff, found.longitude);
        if (latitudeRef == null || longitudeRef == null || Double.isNaN(latitude) || Double.isNaN(longitude)) {
            return null;
        }
        latitude = latitudeRef.equalsIgnoreCase("S") ? -latitude : latitude;
        longitude = longitudeRef.equalsIgnoreCase("W") ? -longitude : longitude;
        if (latitude == 0 && longitude == 0) {
            return null; // what a phone without a fix writes
        }
        try {
            return new GeoPoint(latitude, longitude);
        } catch (IllegalArgumentException outOfRange) {
            return null;
        }
    }

    /** Degrees, minutes and seconds as three rationals, in decimal degrees; NaN if unreadable. */
    private static double degrees(ByteBuffer tiff, int entry) {
        if (entry < 0 || u16(tiff, entry + 2) != RATIONAL || u32(tiff, entry + 4) != 3) {
            return Double.NaN;
        }
        long at = u32(tiff, entry + 8);
        if (at + 24 > tiff.limit()) {
            return Double.NaN;
        }
        double value = 0;
        double unit = 1;
        for (int i = 0; i < 3; i++) {
            long numerator = u32(tiff, (int) at + 8 * i);
            long denominator = u32(tiff, (int) at + 8 * i + 4);
            if (denominator == 0) {
                return Double.NaN;
            }
            value += (double) numerator / denominator / unit;
            unit *= 60;
        }
        return value;
    }

    /** An ASCII value of at most 64 bytes, up to its first NUL and trimmed; null if unreadable. */
    private static @Nullable String ascii(ByteBuffer tiff, int entry) {
        if (entry < 0 || u16(tiff, entry + 2) != ASCII) {
            return null;
        }
        long count = u32(tiff, entry + 4);
        if (count == 0 || count > 64) {
            return null;
        }
        long at = count <= 4 ? entry + 8 : u32(tiff, entry + 8);
        if (at + count > tiff.limit()) {
            return null;
        }
        byte[] text = new byte[(int) count];
        tiff.get((int) at, text);
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        String value = new String(text, 0, length, StandardCharsets.US_ASCII).trim();
        return value.isEmpty() ? null : value;
    }

    private static int u16(ByteBuffer tiff, int at) {
        return tiff.getShort(at) & 0xFFFF;
    }

    private static long u32(ByteBuffer tiff, int at) {
        return tiff.getInt(at) & 0xFFFF_FFFFL;
    }
}
