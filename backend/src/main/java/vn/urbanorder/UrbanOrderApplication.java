package vn.urbanorder;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.urbanorder.photo.PhotoFolderCopy;

/**
 * The urban-order violation reporting service. Its jar also runs one operator's command instead:
 * {@code copy-photos-to-bucket} ({@link PhotoFolderCopy}), which needs no database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UrbanOrderApplication {

    public static void main(String[] args) {
        if (args.length > 0 && PhotoFolderCopy.COMMAND.equals(args[0])) {
            PhotoFolderCopy.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(UrbanOrderApplication.class, args);
    }
}
