package vn.urbanorder.location;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Location settings ({@code urbanorder.locations.*}).
 *
 * @param rebuildBatch how many reports a rebuild reads at a time; memory holds one batch
 */
@ConfigurationProperties("urbanorder.locations")
record LocationsProperties(@DefaultValue("500") int rebuildBatch) {}
