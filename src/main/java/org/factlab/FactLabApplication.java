package org.factlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** FACT Lab: a web laboratory for the experiments of the FACT paper. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FactLabApplication {
    public static void main(String[] args) {
        SpringApplication.run(FactLabApplication.class, args);
    }
}
