package vn.urbanorder.ward;

import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.InvalidRequestException;

/** Finds, creates and renames provinces. */
@Service
public class Provinces {

    private static final String SELECT = "SELECT id, code, name FROM province ";

    private final DatabaseClient database;

    Provinces(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Province> findById(UUID id) {
        return database.sql(SELECT + "WHERE id = :id")
                .bind("id", id)
                .map(Provinces::toProvince)
                .one();
    }

    public Mono<Province> findByCode(String code) {
        return database.sql(SELECT + "WHERE code = :code")
                .bind("code", code)
                .map(Provinces::toProvince)
                .one();
    }

    /** Creates a province; if another instance created it at the same moment, that one. */
    public Mono<Province> create(String code, String name) {
        WardDraft.codeProblem("code", code).ifPresent(problem -> {
            throw new InvalidRequestException(java.util.List.of(problem));
        });
        return database.sql("INSERT INTO province (code, name) VALUES (:code, :name)")
                .bind("code", code)
                .bind("name", WardDraft.checkName(name))
                .then()
                .onErrorResume(DataIntegrityViolationException.class, clash -> Mono.empty())
                .then(findByCode(code));
    }

    /** Gives a province its code and name (the bootstrap naming the province made for older wards). */
    public Mono<Province> rename(UUID id, String code, String name) {
        WardDraft.codeProblem("code", code).ifPresent(problem -> {
            throw new InvalidRequestException(java.util.List.of(problem));
        });
        return database.sql("UPDATE province SET code = :code, name = :name WHERE id = :id")
                .bind("code", code)
                .bind("name", WardDraft.checkName(name))
                .bind("id", id)
                .then()
                .then(findById(id));
    }

    private static Province toProvince(io.r2dbc.spi.Readable row) {
        return new Province(row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class));
    }
}
