package vn.urbanorder.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import vn.urbanorder.shared.database.ConnectionSettings;

/**
 * A PostgreSQL primary and a real streaming replica of it, both embedded (io.zonky), on free ports
 * in a temporary folder. The embedded binaries have no {@code pg_basebackup}, so the replica is
 * made the other way PostgreSQL allows: a cold copy of the primary's data directory, taken while
 * it is stopped, started with {@code standby.signal} and a {@code primary_conninfo}. {@code initdb
 * -A trust} has already let local replication connections in, and {@code wal_level} is
 * {@code replica} by default. Starting both takes a few seconds.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    /** Files of a running server that its copy must not take. */
    private static final Set<String> NOT_COPIED = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");

    private final Path folder;
    private final int primaryPort;
    private final int replicaPort;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;

    private ReplicatedPostgres(Path folder, int primaryPort, int replicaPort) {
        this.folder = folder;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    public static ReplicatedPostgres start() throws IOException {
        var servers = new ReplicatedPostgres(Files.createTempDirectory("replicated-postgres"), freePort(), freePort());
        try {
            servers.primary = servers.server("primary", servers.primaryPort);
            servers.primary.close();
            copy(servers.primaryDirectory(), servers.replicaDirectory());
            Files.writeString(servers.replicaDirectory().resolve("standby.signal"), "");
            Files.writeString(
                    servers.replicaDirectory().resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=localhost port=" + servers.primaryPort
                            + " user=postgres application_name=replica'\n",
                    StandardOpenOption.APPEND);
            servers.primary = servers.server("primary", servers.primaryPort);
            servers.replica = servers.server("replica", servers.replicaPort);
            return servers;
        } catch (IOException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    /** The primary, as the service's database settings. */
    public ConnectionSettings primary() {
        return new ConnectionSettings("localhost", primaryPort, "postgres", "postgres", "");
    }

    /** The replica's R2DBC URL. */
    public String replicaUrl() {
        return "r2dbc:postgresql://localhost:" + replicaPort + "/postgres";
    }

    public Connection connectToPrimary() throws SQLException {
        return connect(primaryPort);
    }

    public Connection connectToReplica() throws SQLException {
        return connect(replicaPort);
    }

    /** Stops the replica, as if its server went away. */
    public void stopReplica() throws IOException {
        if (replica != null) {
            replica.close();
            replica = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stopReplica();
        } finally {
            if (primary != null) {
                primary.close();
                primary = null;
            }
            deleteRecursively(folder);
        }
    }

    private EmbeddedPostgres server(String name, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve(name))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private Path primaryDirectory() {
        return folder.resolve("primary");
    }

    private Path replicaDirectory() {
        return folder.resolve("replica");
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (NOT_COPIED.contains(path.getFileName().toString())) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        // PostgreSQL refuses a data directory others may read.
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + folder, e);
        }
    }
}
