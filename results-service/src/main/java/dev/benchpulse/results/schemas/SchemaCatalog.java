package dev.benchpulse.results.schemas;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.schema.ContractSchemas;
import dev.benchpulse.contracts.schema.SchemaHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.springframework.stereotype.Component;

/**
 * Every schema version the contracts jar holds, listed once at start-up with its JSON rendered, so a request
 * costs a map look-up whatever a client asks for.
 */
@Component
class SchemaCatalog {

    static final String PATH = "/api/schemas/";

    private final List<SchemaVersion> versions = new ArrayList<>();
    private final Map<Long, String> json = new HashMap<>();

    SchemaCatalog() {
        for (EventType type : EventType.values()) {
            List<Schema> history = SchemaHistory.versions(type);
            for (int i = 0; i < history.size(); i++) {
                long fingerprint = ContractSchemas.fingerprint(history.get(i));
                String text = ContractSchemas.text(fingerprint);
                versions.add(new SchemaVersion(
                        history.get(i).getFullName(),
                        type.cloudEventType(),
                        i + 1,
                        fingerprint == ContractSchemas.fingerprint(type),
                        text,
                        PATH + text));
                json.putIfAbsent(fingerprint, history.get(i).toString(true));
            }
        }
    }

    List<SchemaVersion> versions() {
        return List.copyOf(versions);
    }

    /** The schema JSON of a fingerprint, if the contracts hold a version with it. */
    Optional<String> json(long fingerprint) {
        return Optional.ofNullable(json.get(fingerprint));
    }
}
