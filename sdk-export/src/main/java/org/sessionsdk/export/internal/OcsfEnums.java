package org.sessionsdk.export.internal;

import java.util.Map;

/**
 * The OCSF 1.8.0 enums the exporter writes, id to caption exactly as in the schema (github.com/ocsf/ocsf-schema
 * tag 1.8.0: {@code dictionary.json} merged with the class or object that narrows it, which keeps 0 Unknown
 * and 99 Other). {@code SiemSchemaConformanceTest} checks every written pair against a copy of the schema.
 */
final class OcsfEnums {
    /** class_uid: the three classes written. */
    static final OcsfEnum CLASS = new OcsfEnum("class_uid", "class_name", Map.of(
            Ocsf.DETECTION_FINDING, "Detection Finding", Ocsf.AUTHENTICATION, "Authentication",
            Ocsf.ENTITY_MANAGEMENT, "Entity Management"));
    /** category_uid (categories.json). */
    static final OcsfEnum CATEGORY = new OcsfEnum("category_uid", "category_name", Map.of(
            2, "Findings", 3, "Identity & Access Management"));
    /** activity_id of Authentication (events/iam/authentication.json). */
    static final OcsfEnum AUTHENTICATION_ACTIVITY = new OcsfEnum("activity_id", "activity_name", Map.of(
            0, "Unknown", 1, "Logon", 2, "Logoff", 3, "Authentication Ticket", 4, "Service Ticket Request",
            5, "Service Ticket Renew", 6, "Preauth", 7, "Account Switch", 99, "Other"));
    /** activity_id of Entity Management (events/iam/entity_management.json). */
    static final OcsfEnum ENTITY_ACTIVITY = new OcsfEnum("activity_id", "activity_name", Map.ofEntries(
            Map.entry(0, "Unknown"), Map.entry(1, "Create"), Map.entry(2, "Read"), Map.entry(3, "Update"),
            Map.entry(4, "Delete"), Map.entry(5, "Move"), Map.entry(6, "Enroll"), Map.entry(7, "Unenroll"),
            Map.entry(8, "Enable"), Map.entry(9, "Disable"), Map.entry(10, "Activate"), Map.entry(11, "Deactivate"),
            Map.entry(12, "Suspend"), Map.entry(13, "Resume"), Map.entry(99, "Other")));
    /** activity_id of the findings (events/findings/finding.json). */
    static final OcsfEnum FINDING_ACTIVITY = new OcsfEnum("activity_id", "activity_name", Map.of(
            0, "Unknown", 1, "Create", 2, "Update", 3, "Close", 99, "Other"));
    /** severity_id (dictionary.json). */
    static final OcsfEnum SEVERITY = new OcsfEnum("severity_id", "severity", Map.of(
            0, "Unknown", 1, "Informational", 2, "Low", 3, "Medium", 4, "High", 5, "Critical", 6, "Fatal",
            99, "Other"));
    /** status_id of the base event (dictionary.json): Authentication and Entity Management. */
    static final OcsfEnum STATUS = new OcsfEnum("status_id", "status", Map.of(
            0, "Unknown", 1, "Success", 2, "Failure", 99, "Other"));
    /** status_id of a finding (events/findings/finding.json): its review state, not an outcome. */
    static final OcsfEnum FINDING_STATUS = new OcsfEnum("status_id", "status", Map.of(
            0, "Unknown", 1, "New", 2, "In Progress", 3, "Suppressed", 4, "Resolved", 5, "Archived", 6, "Deleted",
            99, "Other"));
    /** logon_type_id (dictionary.json). */
    static final OcsfEnum LOGON_TYPE = new OcsfEnum("logon_type_id", "logon_type", Map.ofEntries(
            Map.entry(0, "Unknown"), Map.entry(1, "System"), Map.entry(2, "Interactive"), Map.entry(3, "Network"),
            Map.entry(4, "Batch"), Map.entry(5, "OS Service"), Map.entry(7, "Unlock"),
            Map.entry(8, "Network Cleartext"), Map.entry(9, "New Credentials"), Map.entry(10, "Remote Interactive"),
            Map.entry(11, "Cached Interactive"), Map.entry(12, "Cached Remote Interactive"),
            Map.entry(13, "Cached Unlock"), Map.entry(99, "Other")));
    /** device.type_id (objects/device.json, required there). */
    static final OcsfEnum DEVICE_TYPE = new OcsfEnum("type_id", "type", Map.ofEntries(
            Map.entry(0, "Unknown"), Map.entry(1, "Server"), Map.entry(2, "Desktop"), Map.entry(3, "Laptop"),
            Map.entry(4, "Tablet"), Map.entry(5, "Mobile"), Map.entry(6, "Virtual"), Map.entry(7, "IOT"),
            Map.entry(8, "Browser"), Map.entry(9, "Firewall"), Map.entry(10, "Switch"), Map.entry(11, "Hub"),
            Map.entry(12, "Router"), Map.entry(13, "IDS"), Map.entry(14, "IPS"), Map.entry(15, "Load Balancer"),
            Map.entry(99, "Other")));
    /** managed_entity.type_id (objects/managed_entity.json). */
    static final OcsfEnum ENTITY_TYPE = new OcsfEnum("type_id", "type", Map.of(
            0, "Unknown", 1, "Device", 2, "User", 3, "Group", 4, "Organization", 5, "Policy", 6, "Email",
            7, "Network Zone", 99, "Other"));

    private OcsfEnums() {
    }
}
