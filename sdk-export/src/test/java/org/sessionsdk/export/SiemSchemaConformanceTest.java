package org.sessionsdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;

/**
 * Every document the exporter writes for {@link SiemCorpus} (each source, each session and audit kind,
 * Ekran alerts at every risk level) walked against tables copied from the official schemas
 * ({@code ocsf-1.8.0-enums.json}, {@code ecs-9.4.0-event-values.json}; each says where it came from).
 * OCSF: every enum id is one of the schema's, its sibling string is that id's caption (for 99 Other
 * the source's own word, never "Other", or none), every required attribute and constraint of the
 * class and of each object used holds, and no attribute is unknown. ECS: the categorization fields hold allowed
 * values, each event type is expected for the categories, and the alert severity is the OCSF one.
 */
class SiemSchemaConformanceTest {
    private static final Map<String, Object> OCSF = resource("/ocsf-1.8.0-enums.json");
    private static final Map<String, Object> ECS = resource("/ecs-9.4.0-event-values.json");

    private static Map<String, Object> resource(String name) {
        try (InputStream in = SiemSchemaConformanceTest.class.getResourceAsStream(name)) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyOcsfDocumentMatchesTheSchemasEnumsRequiredAttributesAndConstraints() {
        List<String> problems = new ArrayList<>();
        List<String> docs = SiemCorpus.documents(SiemFormat.OCSF);
        for (String line : docs) {
            Map<String, Object> d = Json.parse(line);
            Map<String, Object> cls = map(map(OCSF, "classes"), String.valueOf(d.get("class_uid")));
            if (cls == null) {
                problems.add("class " + d.get("class_uid") + " is not in the table");
                continue;
            }
            check(d, cls, "", String.valueOf(Json.at(d, "metadata.uid")), problems);
        }
        assertThat(docs).hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    private static void check(Map<String, Object> node, Map<String, Object> schema, String path, String doc,
                              List<String> problems) {
        String at = path.isEmpty() ? "" : path + ".";
        for (Object required : list(schema, "required")) {
            if (!node.containsKey(required)) {
                problems.add("required " + at + required + " missing in " + doc);
            }
        }
        Map<String, Object> constraints = map(schema, "constraints");
        if (constraints != null) {
            constraints.forEach((kind, names) -> {
                long present = ((List<?>) names).stream().filter(node::containsKey).count();
                if (kind.equals("at_least_one") ? present < 1 : present != 1) {
                    problems.add(kind + " " + names + " fails at " + (path.isEmpty() ? "the event" : path) + " in " + doc);
                }
            });
        }
        Map<String, Object> enums = map(schema, "enums");
        Map<String, Object> objects = map(schema, "objects");
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String key = e.getKey();
            if (!list(schema, "attributes").contains(key)) {
                problems.add("unknown attribute " + at + key + " in " + doc);
            }
            Map<String, Object> en = map(enums, key);
            if (en != null) {
                enumPair(node, key, en, at, doc, problems);
            } else if (key.endsWith("_id")) {
                problems.add(at + key + " looks like an enum the table does not have: add it from the schema");
            }
            String type = objects == null ? null : (String) objects.get(key);
            if (type != null && !type.equals("object")) {
                Map<String, Object> obj = map(map(OCSF, "objects"), type);
                if (obj == null) {
                    problems.add("object " + type + " (" + at + key + ") is not in the table: add it from the schema");
                    continue;
                }
                List<?> values = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
                for (int i = 0; i < values.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> child = (Map<String, Object>) values.get(i);
                    check(child, obj, at + key + (e.getValue() instanceof List<?> ? "[" + i + "]" : ""), doc, problems);
                }
            }
        }
    }

    /** The id is the schema's and its sibling is the id's caption; for 99 Other, the source's own word. */
    private static void enumPair(Map<String, Object> node, String key, Map<String, Object> en, String at, String doc,
                                 List<String> problems) {
        String id = String.valueOf(node.get(key));
        String caption = (String) map(en, "captions").get(id);
        if (caption == null) {
            problems.add(at + key + " " + id + " is not one of the schema's ids in " + doc);
            return;
        }
        String sibling = (String) en.get("sibling");
        if (sibling == null) {
            return;
        }
        Object written = node.get(sibling);
        if (id.equals("99")) {
            // the source's own word; "Other" itself would only repeat the id (validators flag it)
            if (caption.equals(written)) {
                problems.add(at + sibling + " for 99 Other must be the source's value, not " + written + " in " + doc);
            }
        } else if (!caption.equals(written)) {
            problems.add(at + sibling + " is " + written + " but " + at + key + " " + id + " is \"" + caption + "\" in " + doc);
        }
    }

    @Test
    void everyEcsDocumentUsesAllowedCategorizationValuesAndTheAlertSeverityIsTheOcsfOne() {
        List<String> problems = new ArrayList<>();
        for (String line : SiemCorpus.documents(SiemFormat.ECS)) {
            Map<String, Object> d = Json.parse(line);
            String doc = String.valueOf(Json.at(d, "event.id"));
            Object kind = Json.at(d, "event.kind");
            if (!list(ECS, "event.kind").contains(kind)) {
                problems.add("event.kind " + kind + " in " + doc);
            }
            Object outcome = Json.at(d, "event.outcome");
            if (outcome != null && !list(ECS, "event.outcome").contains(outcome)) {
                problems.add("event.outcome " + outcome + " in " + doc);
            }
            List<?> categories = (List<?>) Json.at(d, "event.category");
            List<?> types = (List<?>) Json.at(d, "event.type");
            for (Object type : types) {
                if (!list(ECS, "event.type").contains(type)) {
                    problems.add("event.type " + type + " in " + doc);
                }
            }
            for (Object category : categories) {
                List<?> expected = (List<?>) map(ECS, "event.category").get(category);
                if (expected == null) {
                    problems.add("event.category " + category + " in " + doc);
                } else if (!expected.containsAll(types)) {
                    problems.add("event.type " + types + " not expected for " + category + " in " + doc);
                }
            }
        }
        for (AuditEvent e : SiemCorpus.audits()) {
            Map<String, Object> ocsfDoc = Json.parse(SiemFormat.OCSF.document(e));
            Object ocsf = Json.at(ocsfDoc, "severity_id");
            Object ecs = Json.at(Json.parse(SiemFormat.ECS.document(e)), "event.severity");
            // an alert (Ekran's alerts; its access requests are changes, not alerts)
            boolean alert = Long.valueOf(2004).equals(ocsfDoc.get("class_uid"));
            if (alert && !Long.valueOf(0).equals(ocsf) ? !ocsf.equals(ecs) : ecs != null) {
                problems.add("ECS event.severity " + ecs + " vs OCSF severity_id " + ocsf + " for " + e);
            }
        }
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return m == null ? null : (Map<String, Object>) m.get(key);
    }

    private static List<?> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<?>) v;
    }
}
