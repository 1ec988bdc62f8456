package vn.urbanorder.assignment.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.AssignmentApi;
import vn.urbanorder.api.model.AssignmentRuleDto;
import vn.urbanorder.api.model.AssignmentRuleListDto;
import vn.urbanorder.assignment.AssignmentRule;
import vn.urbanorder.assignment.AssignmentRules;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;

@RestController
class AssignmentRulesController implements AssignmentApi {

    private final AssignmentRules rules;
    private final AssignmentWebMapper mapper;

    AssignmentRulesController(AssignmentRules rules, AssignmentWebMapper mapper) {
        this.rules = rules;
        this.mapper = mapper;
    }

    @Override
    public Mono<ResponseEntity<AssignmentRuleListDto>> listAssignmentRules(ServerWebExchange exchange) {
        return Caller.current().flatMap(rules::list).map(this::ok);
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<AssignmentRuleListDto>> replaceAssignmentRules(
            Mono<AssignmentRuleListDto> sent, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(sent)
                .flatMap(replace -> rules.replace(replace.getT1(), toDomain(replace.getT2())))
                .map(this::ok);
    }

    private List<AssignmentRule> toDomain(AssignmentRuleListDto sent) {
        List<AssignmentRuleDto> rules = sent.getRules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw InvalidRequestException.of("rules[" + i + "]", "không được để trống");
            }
        }
        return rules.stream().map(mapper::toDomain).toList();
    }

    private ResponseEntity<AssignmentRuleListDto> ok(List<AssignmentRule> found) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new AssignmentRuleListDto()
                        .rules(found.stream().map(mapper::toApi).toList()));
    }
}
