package vn.urbanorder.shared.web;

import io.micrometer.common.KeyValue;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerHttpObservationDocumentation;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * {@code http.server.requests} as Spring Boot tags it, except that a request whose client left
 * before its answer has status {@code UNKNOWN}, as when Spring sees the request cancelled: the
 * answer the service then completes goes nowhere, and must not count as a 200 or a 500.
 */
@Component
class AbortedRequestsConvention extends DefaultServerRequestObservationConvention {

    AbortedRequestsConvention(ObservationProperties properties) {
        super(properties.getHttp().getServer().getRequests().getName());
    }

    @Override
    protected KeyValue status(ServerRequestObservationContext context) {
        return context.getAttributes().containsKey(ClientsThatLeft.ATTRIBUTE)
                ? KeyValue.of(ServerHttpObservationDocumentation.LowCardinalityKeyNames.STATUS, "UNKNOWN")
                : super.status(context);
    }
}
