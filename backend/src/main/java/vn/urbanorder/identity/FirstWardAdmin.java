package vn.urbanorder.identity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.ward.WardDirectory;

/**
 * On a database with no users (and outside the demo profile, which seeds its own), creates the
 * first ward admin from {@code urbanorder.bootstrap.*}, and the ward too if it does not exist.
 * Without those settings it says what to set; it never invents a password.
 */
@Component
class FirstWardAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstWardAdmin.class);

    private final BootstrapProperties bootstrap;
    private final UserStore users;
    private final WardDirectory wards;
    private final Passwords passwords;
    private final Clock clock;
    private final Environment environment;

    FirstWardAdmin(
            BootstrapProperties bootstrap,
            UserStore users,
            WardDirectory wards,
            Passwords passwords,
            Clock clock,
            Environment environment) {
        this.bootstrap = bootstrap;
        this.users = users;
        this.wards = wards;
        this.passwords = passwords;
        this.clock = clock;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        createIfNoUsers()
                .subscribe(
                        created ->
                                log.info("Created the first ward admin '{}' of ward {}", created, bootstrap.wardCode()),
                        failure -> {
                            if (failure instanceof DataIntegrityViolationException) {
                                // Several instances started together; another one created the admin.
                                log.info("The first ward admin was created by another instance");
                            } else {
                                log.error("Could not create the first ward admin: {}", failure.getMessage());
                            }
                        });
    }

    /** The username created, or empty when there were users already or nothing to create. */
    Mono<String> createIfNoUsers() {
        return users.anyExists().flatMap(exists -> {
            if (exists) {
                return Mono.empty();
            }
            if (!bootstrap.complete()) {
                log.warn(
                        "The database has no users. To create the first ward admin, set"
                                + " URBANORDER_BOOTSTRAP_WARD_CODE, URBANORDER_BOOTSTRAP_ADMIN_USERNAME and"
                                + " URBANORDER_BOOTSTRAP_ADMIN_PASSWORD (at least {} characters), plus"
                                + " URBANORDER_BOOTSTRAP_WARD_NAME and URBANORDER_BOOTSTRAP_WARD_SERVICE_AREA"
                                + " (GeoJSON) if the ward does not exist yet, and restart.",
                        Passwords.MIN_LENGTH);
                return Mono.empty();
            }
            return create();
        });
    }

    private Mono<String> create() {
        String username = bootstrap.adminUsername().strip().toLowerCase(Locale.ROOT);
        var admin = new NewUser(
                username,
                bootstrap.adminDisplayName(),
                null,
                EnumSet.of(Role.WARD_ADMIN),
                null,
                bootstrap.adminPassword());
        return wards.findByCode(bootstrap.wardCode())
                .switchIfEmpty(Mono.defer(() -> wards.create(
                        bootstrap.wardCode(),
                        bootstrap.wardName() == null ? bootstrap.wardCode() : bootstrap.wardName(),
                        ZoneId.of(bootstrap.wardTimeZone()),
                        bootstrap.wardServiceArea() == null ? "" : bootstrap.wardServiceArea())))
                .flatMap(ward -> passwords
                        .hash("adminPassword", admin.password())
                        .flatMap(hash -> users.insert(ward.id(), admin, hash, false, clock.instant())))
                .thenReturn(username);
    }
}
