package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.netty.channel.AbortedException;

class ClientsThatLeftTests {

    @Test
    void aClosedOrResetClientConnectionIsAClientThatLeft() {
        assertThat(ClientsThatLeft.isGone(new AbortedException("Connection has been closed")))
                .isTrue();
        assertThat(ClientsThatLeft.isGone(new IOException("recvAddress(..) failed: Connection reset by peer")))
                .isTrue();
        assertThat(ClientsThatLeft.isGone(new IllegalStateException("no such thing")))
                .isFalse();
    }

    @Test
    void aResetDatabaseConnectionIsTheServicesFailure() {
        var reset = new IOException("Connection reset by peer");
        assertThat(ClientsThatLeft.isGone(new R2dbcNonTransientResourceException("lost", reset)))
                .isFalse();
        assertThat(ClientsThatLeft.isGone(new DataAccessResourceFailureException("lost", reset)))
                .isFalse();
        assertThat(ClientsThatLeft.isGone(
                        new IllegalStateException("wrapped", new R2dbcNonTransientResourceException("lost", reset))))
                .isFalse();
    }
}
