/**
 * A Kafka Connect source connector for sessions and audit events: {@link org.sessionsdk.kafka.SessionSourceConnector},
 * configured by {@link org.sessionsdk.kafka.SessionSourceConfig}.
 */
package org.sessionsdk.kafka;
