package vn.urbanorder.photo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * What a client is shown instead of a copy that cannot be made (the original is HEIC, or its
 * pixels are damaged): a neutral tile of the copy's size, light grey with the outline of a
 * picture and no text, so that it reads the same in every language. Drawn once when the service
 * starts (a few milliseconds) and kept, a few tens of kilobytes.
 */
@Component
class CopyPlaceholders {

    private static final Color BACKGROUND = new Color(0xE5E7EB);
    private static final Color FIGURE = new Color(0x9CA3AF);

    private final byte[] thumb = drawn(CopySize.THUMB);
    private final byte[] view = drawn(CopySize.VIEW);

    /** The placeholder of the given size, as a JPEG. */
    PhotoCopy of(CopySize size) {
        byte[] jpeg = size == CopySize.THUMB ? thumb : view;
        return new PhotoCopy(
                size,
                false,
                new StoredFile(
                        jpeg.length, Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(jpeg)))));
    }

    /** A tile of the copy's long side and three quarters of it, as a JPEG without metadata. */
    private static byte[] drawn(CopySize size) {
        return CopyMaker.jpeg(drawn(size.longSide(), size.longSide() * 3 / 4));
    }

    /** A framed landscape: a sun over two hills, centred, in a third of the tile's width. */
    static BufferedImage drawn(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(BACKGROUND);
            graphics.fillRect(0, 0, width, height);
            int frameWidth = width / 3;
            int frameHeight = frameWidth * 3 / 4;
            int left = (width - frameWidth) / 2;
            int top = (height - frameHeight) / 2;
            int stroke = Math.max(2, width / 160);
            graphics.setColor(FIGURE);
            graphics.setStroke(new BasicStroke(stroke));
            graphics.drawRoundRect(left, top, frameWidth, frameHeight, stroke * 4, stroke * 4);
            int sun = frameWidth / 6;
            graphics.fillOval(left + frameWidth * 2 / 3, top + frameHeight / 6, sun, sun);
            int base = top + frameHeight - stroke * 2;
            graphics.fillPolygon(
                    new int[] {left + stroke * 2, left + frameWidth * 2 / 5, left + frameWidth * 3 / 4},
                    new int[] {base, top + frameHeight * 2 / 5, base},
                    3);
            graphics.fillPolygon(
                    new int[] {left + frameWidth / 2, left + frameWidth * 3 / 4, left + frameWidth - stroke * 2},
                    new int[] {base, top + frameHeight * 3 / 5, base},
                    3);
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
