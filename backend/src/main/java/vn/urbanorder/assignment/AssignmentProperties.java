package vn.urbanorder.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Assignment settings ({@code urbanorder.assignment.*}).
 *
 * @param refreshInterval how often each instance checks whether another changed a ward's zones,
 *     rules or units; a change reaches every instance within this interval plus the reload
 * @param defaultSegmentBufferM the buffer of a segment whose import gives none
 */
@ConfigurationProperties("urbanorder.assignment")
record AssignmentProperties(
        @DefaultValue("2s") Duration refreshInterval,
        @DefaultValue("15") double defaultSegmentBufferM) {}
