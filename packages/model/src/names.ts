import { z } from 'zod';

/** Name and identifier rules shared by the document, the node configs and the settings. */
export const PIPELINE_NAME_PATTERN = /^[a-z0-9-]{1,63}$/;
export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
/** Kafka's own rule for topic names (legal characters, at most 249, not `.` or `..`). */
export const KAFKA_TOPIC_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,249}$/;
/**
 * PostgreSQL table, optionally schema-qualified. Restricted to plain identifiers so the
 * compiler can always quote them safely and the created table is addressable without quotes.
 */
export const PG_TABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}(?:\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/;
/** A configured connection (Kafka cluster, PostgreSQL database) is referred to by name. */
export const CONNECTION_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,63}$/;

export const PipelineNameSchema = z
  .string()
  .regex(PIPELINE_NAME_PATTERN, { error: 'a pipeline name is 1 to 63 lower-case letters, digits and -' });

export const NodeIdSchema = z
  .string()
  .regex(NODE_ID_PATTERN, { error: 'a node id is letters, digits, - and _' });

export const KafkaTopicSchema = z
  .string()
  .regex(KAFKA_TOPIC_PATTERN, { error: 'a Kafka topic name is 1 to 249 letters, digits, ., _ and -' });

export const ConnectionNameSchema = z
  .string()
  .regex(CONNECTION_NAME_PATTERN, { error: 'a connection name is 1 to 63 letters, digits, ., _ and -' });

export const FieldNameSchema = z.string().min(1, { error: 'a field name cannot be empty' });

/** A list of input field names (keyBy, key, primaryKey). */
export const FieldListSchema = z.array(FieldNameSchema);
