package io.camelgenesys.examples.springboot;

import java.util.Map;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysApiException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The application's HTTP side: the CRM posts contacts; the latest agent states and the last reconciliation. */
@RestController
public class ExampleController {

    private final ProducerTemplate producer;
    private final AgentStates agentStates;
    private final Reconciliation reconciliation;

    public ExampleController(ProducerTemplate producer, AgentStates agentStates, Reconciliation reconciliation) {
        this.producer = producer;
        this.agentStates = agentStates;
        this.reconciliation = reconciliation;
    }

    /**
     * 200 with the Genesys contact id; 422 when the component's input checks refuse the contact (before any request
     * to Genesys), with the reason; 502 with Genesys' status and message when Genesys refuses it.
     */
    @PostMapping("/crm/contacts")
    public ResponseEntity<Map<String, Object>> upsert(@RequestBody CrmContact contact) {
        if (contact.crmId() == null || contact.crmId().isBlank()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", "crmId is required"));
        }
        try {
            ExternalContact stored = producer.requestBody(CrmUpsertRoute.ENDPOINT, contact, ExternalContact.class);
            return ResponseEntity.ok(Map.of("crmId", contact.crmId(), "genesysId", stored.getId()));
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                return ResponseEntity.unprocessableEntity().body(Map.of("error", refused.getMessage()));
            }
            if (e.getCause() instanceof GenesysApiException genesys) {
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                        .body(Map.of("error", genesys.getMessage(), "genesysStatus", genesys.getHttpStatus()));
            }
            throw e;
        }
    }

    @GetMapping("/agent-states")
    public Map<String, Map<String, Object>> agentStates() {
        return agentStates.snapshot();
    }

    @GetMapping("/reconciliation")
    public Map<String, Object> reconciliation() {
        return reconciliation.snapshot();
    }
}
