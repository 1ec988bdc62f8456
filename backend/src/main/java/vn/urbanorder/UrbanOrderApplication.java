package vn.urbanorder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The urban-order violation reporting service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UrbanOrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(UrbanOrderApplication.class, args);
    }
}
