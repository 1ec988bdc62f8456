import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes three noisy JPEGs of about 3 MB each (2200 x 2200 pixels of noise compress badly) into
 * the folder given, for the photo benchmark: photo-1.jpg, photo-2.jpg, photo-3.jpg.
 * Run with: java infra/bench/photos/MakePhotos.java <folder>
 */
public class MakePhotos {
    public static void main(String[] args) throws Exception {
        File folder = new File(args[0]);
        folder.mkdirs();
        for (int photo = 1; photo <= 3; photo++) {
            Random random = new Random(photo);
            BufferedImage image = new BufferedImage(2200, 2200, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            File file = new File(folder, "photo-" + photo + ".jpg");
            ImageIO.write(image, "jpg", file);
            System.out.println(file + ": " + file.length() + " bytes");
        }
    }
}
