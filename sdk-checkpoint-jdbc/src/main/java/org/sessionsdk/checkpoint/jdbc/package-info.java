/**
 * Feed checkpoints kept in one table of the application's database, for feeds followed by more than
 * one machine or by a service without a private disk. See
 * {@link org.sessionsdk.checkpoint.jdbc.JdbcCheckpointStore}.
 */
package org.sessionsdk.checkpoint.jdbc;
