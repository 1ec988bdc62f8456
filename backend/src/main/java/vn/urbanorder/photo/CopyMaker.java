package vn.urbanorder.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Makes the viewer copies of one original: decodes it once, turns it upright as its EXIF says,
 * scales it to fit each {@link CopySize} (never enlarging it) and writes each as a JPEG that
 * carries no metadata at all: no EXIF (so no GPS, time or device serial), no XMP, no ICC profile,
 * no comment; only the JFIF header every JPEG writer puts first.
 *
 * <p>Memory is bounded whatever the original's size: the decoder reads every {@code n}-th pixel of
 * every {@code n}-th row ({@link ImageReadParam#setSourceSubsampling}), chosen so that the decoded
 * picture's longer side stays within {@link #MAX_DECODED_SIDE}, twice the view copy's; a 50
 * megapixel photo never exists whole in the heap. At most some 40 MB are held while a copy is made
 * (a square original decoded to 3200 × 3200 pixels of four bytes). The thumbnail is made from the
 * view copy, so one decoding serves both. The one decoder that cannot subsample as it goes, for
 * lossless or transparent WebP, is given only pictures of up to {@link #MAX_WHOLE_PIXELS}.
 *
 * <p>Blocks and takes CPU: only the copy workers call it ({@link CopyWorkers}).
 */
final class CopyMaker {

    /** The longest side of a decoded picture: twice the view copy's, enough to scale down smoothly. */
    static final int MAX_DECODED_SIDE = 2 * CopySize.VIEW.longSide();

    /**
     * The most pixels of a picture that a decoder unable to subsample (see {@link #decodedWhole})
     * may decode: four bytes each, 40 MB. Larger ones get no copies.
     */
    static final long MAX_WHOLE_PIXELS = 10_000_000;

    /** JPEG quality of the copies: small files, no visible blocks at the sizes they are shown. */
    static final float QUALITY = 0.8f;

    private CopyMaker() {}

    /** The two copies of one original, as JPEG files. */
    record Copies(byte[] view, byte[] thumb) {

        byte[] of(CopySize size) {
            return size == CopySize.VIEW ? view : thumb;
        }
    }

    /**
     * Makes both copies of the original in the file, of the given type. {@link Undecodable} when no
     * decoder here reads it: HEIC, or a file whose pixels are damaged past what the inspector reads.
     */
    static Copies make(Path original, PhotoType type) {
        BufferedImage view = view(original, type);
        BufferedImage thumb = scaled(view, Orientation.UPRIGHT, CopySize.THUMB.longSide());
        return new Copies(jpeg(view), jpeg(thumb));
    }

    /** The view copy's picture, upright; the decoded original is dropped as soon as it is drawn. */
    static BufferedImage view(Path original, PhotoType type) {
        if (type == PhotoType.HEIC) {
            // HEVC is patented and no pure-Java decoder is kept up; phones send JPEG by default.
            throw new Undecodable("HEIC is not decoded here");
        }
        Orientation orientation = orientationOf(original, type);
        return scaled(decode(original), orientation, CopySize.VIEW.longSide());
    }

    /**
     * The orientation in the original's EXIF (only JPEG and WebP carry it among what is decoded),
     * after making sure its decoder stays within memory: {@link Undecodable} for a WebP that would
     * be decoded whole and is larger than {@link #MAX_WHOLE_PIXELS}.
     */
    static Orientation orientationOf(Path original, PhotoType type) {
        try (FileChannel channel = FileChannel.open(original, StandardOpenOption.READ)) {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            ImageStructure structure = ImageStructure.read(bytes, type);
            if (type == PhotoType.WEBP && decodedWhole(bytes) && structure.pixels() > MAX_WHOLE_PIXELS) {
                throw new Undecodable("a lossless or transparent WebP of " + structure.pixels()
                        + " pixels, which its decoder would hold whole");
            }
            return type == PhotoType.JPEG || type == PhotoType.WEBP
                    ? Orientation.of(structure.exif())
                    : Orientation.UPRIGHT;
        } catch (NotAnImage | MetadataOverBudget unreadable) {
            return Orientation.UPRIGHT; // it was read when it came in; the decoder will tell
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the original " + original, e);
        }
    }

    /**
     * Whether TwelveMonkeys' WebP decoder builds the whole picture, four bytes a pixel, before it
     * subsamples: it does for lossless data (VP8L), for an alpha channel (ALPH, itself lossless
     * data) and, to be safe, for animations (ANMF). A lossy picture (VP8) is decoded a row of
     * macroblocks at a time: 50 megapixels within a 64 MB heap, measured.
     */
    static boolean decodedWhole(ByteBuffer webp) {
        long at = 12;
        while (at + 8 <= webp.limit()) {
            if (Bytes.ascii(webp, at, "VP8L") || Bytes.ascii(webp, at, "ALPH") || Bytes.ascii(webp, at, "ANMF")) {
                return true;
            }
            long size = Bytes.u32le(webp, at + 4);
            at += 8 + size + (size & 1);
        }
        return false;
    }

    /** The picture, every n-th pixel of every n-th row so that it fits {@link #MAX_DECODED_SIDE}. */
    static BufferedImage decode(Path original) {
        try (ImageInputStream input = ImageIO.createImageInputStream(original.toFile())) {
            if (input == null) {
                throw new Undecodable("no input");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new Undecodable("no decoder for this file");
            }
            ImageReader reader = readers.next();
            try {
                // Metadata ignored: the copies carry none, and the orientation is read apart.
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(reader.getWidth(0), reader.getHeight(0));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException damaged) {
            if (damaged instanceof Undecodable undecodable) {
                throw undecodable;
            }
            // Decoders answer damaged data with all sorts of exceptions, unchecked ones included.
            throw new Undecodable(damaged.toString());
        }
    }

    /** Every how many pixels the decoder reads, so that the longer side stays within the bound. */
    static int subsampling(int width, int height) {
        int longer = Math.max(width, height);
        return Math.max(1, (longer + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE);
    }

    /**
     * The picture turned upright and scaled to fit a square of the given side (never enlarged), on
     * white where it was transparent. Halved in steps first while it is over twice the size: one
     * pass of bilinear scaling from far larger would skip pixels and alias.
     */
    static BufferedImage scaled(BufferedImage picture, Orientation orientation, int longSide) {
        BufferedImage current = picture;
        int target = Math.min(longSide, Math.max(current.getWidth(), current.getHeight()));
        while (Math.max(current.getWidth(), current.getHeight()) > 2 * target) {
            current = draw(
                    current,
                    Orientation.UPRIGHT,
                    0.5,
                    Math.max(1, current.getWidth() / 2),
                    Math.max(1, current.getHeight() / 2),
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        int width = current.getWidth();
        int height = current.getHeight();
        double scale = Math.min(1.0, (double) target / Math.max(width, height));
        int uprightWidth = Math.max(1, (int) Math.round((orientation.swapsSides() ? height : width) * scale));
        int uprightHeight = Math.max(1, (int) Math.round((orientation.swapsSides() ? width : height) * scale));
        return draw(
                current, orientation, scale, uprightWidth, uprightHeight, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(
            BufferedImage source, Orientation orientation, double scale, int width, int height, Object interpolation) {
        var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, orientation.drawing(source.getWidth(), source.getHeight(), scale), null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    /** A baseline JPEG with nothing but the picture and the JFIF header. */
    static byte[] jpeg(BufferedImage picture) {
        ImageWriter writer = jpegWriter();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            // No metadata given: the writer adds only JFIF, never EXIF, XMP, ICC or comments.
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a JPEG copy", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageWriter jpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        @Nullable ImageWriter writer = writers.hasNext() ? writers.next() : null;
        if (writer == null) {
            throw new IllegalStateException("This Java has no JPEG writer");
        }
        return writer;
    }
}
