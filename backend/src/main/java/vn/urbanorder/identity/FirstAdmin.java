package vn.urbanorder.identity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.ward.Province;
import vn.urbanorder.ward.Provinces;
import vn.urbanorder.ward.WardDirectory;
import vn.urbanorder.ward.WardDraft;

/**
 * On a database with no users (and outside the demo profile, which seeds its own), creates the
 * first admin from {@code urbanorder.bootstrap.*}: a province admin, or, for an installation of one
 * ward, that ward's admin (and the ward if it does not exist). The province is created if it does
 * not exist; the placeholder province that wards made before provinces were put in
 * ({@value #PLACEHOLDER}) takes the configured code and name. Without the settings it says what to
 * set; it never invents a password.
 */
@Component
class FirstAdmin {

    /** The province the migration to provinces made for the wards there were. */
    static final String PLACEHOLDER = "TINH";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final BootstrapProperties bootstrap;
    private final UserStore users;
    private final Provinces provinces;
    private final WardDirectory wards;
    private final Passwords passwords;
    private final Clock clock;
    private final Environment environment;

    FirstAdmin(
            BootstrapProperties bootstrap,
            UserStore users,
            Provinces provinces,
            WardDirectory wards,
            Passwords passwords,
            Clock clock,
            Environment environment) {
        this.bootstrap = bootstrap;
        this.users = users;
        this.provinces = provinces;
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
        nameThePlaceholderProvince()
                .then(createIfNoUsers())
                .subscribe(created -> log.info("Created the first admin '{}' of {}", created, where()), failure -> {
                    if (failure instanceof DataIntegrityViolationException) {
                        // Several instances started together; another one created the admin.
                        log.info("The first admin was created by another instance");
                    } else {
                        log.error("Could not create the first admin: {}", failure.getMessage());
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
                        "The database has no users. To create the first province admin, set"
                                + " URBANORDER_BOOTSTRAP_PROVINCE_CODE, URBANORDER_BOOTSTRAP_PROVINCE_NAME,"
                                + " URBANORDER_BOOTSTRAP_ADMIN_USERNAME and URBANORDER_BOOTSTRAP_ADMIN_PASSWORD (at"
                                + " least {} characters), and restart. For an installation of one ward, set"
                                + " URBANORDER_BOOTSTRAP_WARD_CODE too, plus URBANORDER_BOOTSTRAP_WARD_NAME and"
                                + " URBANORDER_BOOTSTRAP_WARD_SERVICE_AREA (GeoJSON) if the ward does not exist yet:"
                                + " the first admin is then that ward's.",
                        Passwords.MIN_LENGTH);
                return Mono.empty();
            }
            return create();
        });
    }

    /**
     * Wards made before provinces belong to a placeholder province; once the settings name the
     * province, it takes that code and name (unless a province of that code exists already).
     */
    Mono<Void> nameThePlaceholderProvince() {
        String code = bootstrap.provinceCode();
        String name = bootstrap.provinceName();
        if (code == null || code.isBlank() || PLACEHOLDER.equals(code)) {
            return Mono.empty();
        }
        String named = name == null || name.isBlank() ? code : name;
        return provinces
                .findByCode(code)
                .hasElement()
                .filter(exists -> !exists)
                .flatMap(absent -> provinces.findByCode(PLACEHOLDER))
                .flatMap(placeholder -> provinces.rename(placeholder.id(), code, named))
                .doOnNext(province -> log.info("The wards' province is now {} ({})", province.code(), province.name()))
                .then();
    }

    private Mono<String> create() {
        String username = Objects.requireNonNull(bootstrap.adminUsername(), "complete()")
                .strip()
                .toLowerCase(Locale.ROOT);
        String password = Objects.requireNonNull(bootstrap.adminPassword(), "complete()");
        boolean oneWard = bootstrap.oneWard();
        var admin = new NewUser(
                username,
                displayName(oneWard),
                null,
                EnumSet.of(oneWard ? Role.WARD_ADMIN : Role.PROVINCE_ADMIN),
                null,
                password);
        return province()
                .flatMap(province -> oneWard
                        ? ward(province).map(ward -> UserScope.ofWard(province.id(), ward))
                        : Mono.just(new UserScope(province.id(), null)))
                .flatMap(scope -> passwords
                        .hash("adminPassword", admin.password())
                        .flatMap(hash -> users.insert(scope, admin, hash, false, clock.instant())))
                .thenReturn(username);
    }

    /**
     * The configured province, made if need be; a one-ward installation without one puts its ward
     * in the placeholder province, to be named later.
     */
    private Mono<Province> province() {
        String code = bootstrap.provinceCode();
        if (code == null || code.isBlank()) {
            return provinces
                    .findByCode(PLACEHOLDER)
                    .switchIfEmpty(Mono.defer(() -> provinces.create(PLACEHOLDER, "Tỉnh, thành phố")));
        }
        String name = bootstrap.provinceName();
        String named = name == null || name.isBlank() ? code : name;
        return provinces.findByCode(code).switchIfEmpty(Mono.defer(() -> provinces.create(code, named)));
    }

    private Mono<java.util.UUID> ward(Province province) {
        String code = Objects.requireNonNull(bootstrap.wardCode(), "oneWard()");
        String name = bootstrap.wardName();
        String area = bootstrap.wardServiceArea();
        return wards.findByCode(code)
                .switchIfEmpty(Mono.defer(() -> wards.create(
                        new WardDraft(
                                province.id(),
                                code,
                                name == null ? code : name,
                                ZoneId.of(bootstrap.wardTimeZone()),
                                area == null ? "" : area),
                        clock.instant(),
                        null)))
                .map(ward -> ward.id());
    }

    private String displayName(boolean oneWard) {
        String configured = bootstrap.adminDisplayName();
        if (BootstrapProperties.present(configured)) {
            return Objects.requireNonNull(configured);
        }
        return oneWard ? "Quản trị phường" : "Quản trị cấp tỉnh";
    }

    private String where() {
        return bootstrap.oneWard() ? "ward " + bootstrap.wardCode() : "province " + bootstrap.provinceCode();
    }
}
