package vn.urbanorder.province;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.NewUser;
import vn.urbanorder.identity.User;
import vn.urbanorder.identity.UserAdministration;
import vn.urbanorder.identity.UserPage;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.ward.Provinces;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardArea;
import vn.urbanorder.ward.WardDirectory;
import vn.urbanorder.ward.WardDraft;

/**
 * The caller's province and its wards, as its own officers see and run them. Every read and
 * change is bound to the caller's province: another province's ward is simply not found.
 */
@Service
public class ProvinceWards {

    private final Provinces provinces;
    private final WardDirectory wards;
    private final UserAdministration users;
    private final ProvinceStore store;
    private final Clock clock;

    ProvinceWards(
            Provinces provinces, WardDirectory wards, UserAdministration users, ProvinceStore store, Clock clock) {
        this.provinces = provinces;
        this.wards = wards;
        this.users = users;
        this.store = store;
        this.clock = clock;
    }

    public Mono<ProvinceSummary> province(Caller caller) {
        return provinces
                .findById(caller.provinceId())
                .zipWith(store.wardCount(caller.provinceId()), ProvinceSummary::new);
    }

    /** The province's wards by code, each with the area in force at the moment. */
    public Flux<ProvinceWard> wards(Caller caller, Instant at) {
        return store.activeAdmins(caller.provinceId()).flatMapMany(admins -> wards.inProvince(caller.provinceId())
                .map(ward -> new ProvinceWard(ward, ward.areaAt(at), admins.getOrDefault(ward.id(), 0))));
    }

    public Mono<WardDetail> ward(Caller caller, UUID id) {
        return existing(caller, id).flatMap(this::detail);
    }

    /** Creates a ward whose first area holds from local midnight of the date (default today) in its zone. */
    public Mono<WardDetail> create(
            Caller caller,
            String code,
            String name,
            @Nullable String timeZone,
            String serviceArea,
            @Nullable LocalDate effectiveFrom) {
        ZoneId zone = timeZone == null ? AreaDates.DEFAULT_ZONE : zone("timeZone", timeZone);
        LocalDate from = effectiveFrom == null ? AreaDates.today(clock, zone) : effectiveFrom;
        var draft = new WardDraft(caller.provinceId(), code, name, zone, serviceArea);
        return wards.create(draft, AreaDates.start(from, zone), caller.userId()).flatMap(this::detail);
    }

    /** Renames the ward, or moves it to another time zone; what is not given stays. */
    public Mono<WardDetail> change(Caller caller, UUID id, @Nullable String name, @Nullable String timeZone) {
        ZoneId zone = timeZone == null ? null : zone("timeZone", timeZone);
        return existing(caller, id)
                .flatMap(ward -> wards.rename(
                        caller.provinceId(),
                        id,
                        name == null ? ward.name() : name,
                        zone == null ? ward.timeZone() : zone))
                .flatMap(this::detail);
    }

    /** A new version of the ward's area from local midnight of the date in its zone; the past stays. */
    public Mono<WardDetail> changeArea(Caller caller, UUID id, String serviceArea, LocalDate effectiveFrom) {
        return existing(caller, id)
                .flatMap(ward -> {
                    AreaDates.refusal(clock, ward, effectiveFrom).ifPresent(refusal -> {
                        throw InvalidRequestException.of("effectiveFrom", refusal);
                    });
                    return wards.changeArea(
                            caller.provinceId(),
                            id,
                            AreaDates.start(effectiveFrom, ward.timeZone()),
                            serviceArea,
                            caller.userId());
                })
                .flatMap(this::detail);
    }

    public Mono<UserPage> admins(Caller caller, UUID id) {
        return existing(caller, id).flatMap(ward -> users.wardAdmins(caller, ward.id()));
    }

    /** A ward admin who must change the password at first sign-in. */
    public Mono<User> createAdmin(
            Caller caller, UUID id, String username, String displayName, @Nullable String phone, String password) {
        return existing(caller, id)
                .flatMap(ward -> users.createWardAdmin(
                        caller,
                        ward.id(),
                        new NewUser(
                                username,
                                displayName,
                                phone,
                                java.util.Set.of(vn.urbanorder.identity.Role.WARD_ADMIN),
                                null,
                                password)));
    }

    Mono<WardDetail> detail(Ward ward) {
        Instant now = clock.instant();
        WardArea inForce = ward.areaAt(now);
        return Mono.zip(store.areaAuthors(ward.provinceId(), ward.id()), store.activeAdmins(ward.provinceId()))
                .map(found -> {
                    Map<Instant, String> authors = found.getT1();
                    return new WardDetail(
                            ward,
                            ward.areas().stream()
                                    .map(area -> new WardDetail.Version(
                                            area, authors.get(area.validFrom()), area == inForce))
                                    .toList(),
                            found.getT2().getOrDefault(ward.id(), 0));
                });
    }

    private Mono<Ward> existing(Caller caller, UUID id) {
        return wards.findInProvince(caller.provinceId(), id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phường, xã này trong tỉnh.")));
    }

    static ZoneId zone(String field, String timeZone) {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException unknown) {
            throw InvalidRequestException.of(field, "không phải múi giờ IANA đã biết, ví dụ Asia/Ho_Chi_Minh");
        }
    }
}
