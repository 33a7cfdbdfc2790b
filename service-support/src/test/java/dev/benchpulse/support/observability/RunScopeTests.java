package dev.benchpulse.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The run named in the logs: nested scopes (a group member inside its leader's request) and what closing restores. */
class RunScopeTests {

    @Test
    void a_member_named_inside_its_leaders_scope_gives_the_leader_back_when_it_closes() {
        UUID leader = UUID.randomUUID();
        UUID member = UUID.randomUUID();

        try (RunScope outer = RunScope.enter(leader)) {
            assertThat(MDC.get(RunScope.MDC_KEY)).isEqualTo(leader.toString());
            try (RunScope inner = RunScope.logs(member)) {
                assertThat(MDC.get(RunScope.MDC_KEY)).isEqualTo(member.toString());
            }
            assertThat(MDC.get(RunScope.MDC_KEY)).isEqualTo(leader.toString());
        }
        assertThat(MDC.get(RunScope.MDC_KEY)).isNull();
    }

    @Test
    void a_record_without_a_run_id_names_no_run() {
        try (RunScope scope = RunScope.logs(null)) {
            assertThat(MDC.get(RunScope.MDC_KEY)).isNull();
        }
    }
}
