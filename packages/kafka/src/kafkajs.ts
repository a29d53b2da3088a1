// kafkajs is CommonJS and spreads its error classes into module.exports, which Node's
// ESM named-export detection cannot see; reading values through the default export works
// under Node, tsx and Vitest alike. This is the only file in Weir that imports kafkajs values.
import kafkajs from 'kafkajs';

export const Kafka = kafkajs.Kafka;
export type Kafka = InstanceType<typeof kafkajs.Kafka>;
export const logLevel = kafkajs.logLevel;
export type logLevel = kafkajs.logLevel;
export const CompressionTypes = kafkajs.CompressionTypes;
export type CompressionTypes = kafkajs.CompressionTypes;
export const ConfigResourceTypes = kafkajs.ConfigResourceTypes;
export type ConfigResourceTypes = kafkajs.ConfigResourceTypes;
export const ConfigSource = kafkajs.ConfigSource;
export type ConfigSource = kafkajs.ConfigSource;
export const Partitioners = kafkajs.Partitioners;
export const PartitionAssigners = kafkajs.PartitionAssigners;
export const AssignerProtocol = kafkajs.AssignerProtocol;

export const KafkaJSError = kafkajs.KafkaJSError;
export type KafkaJSError = InstanceType<typeof kafkajs.KafkaJSError>;
export const KafkaJSNonRetriableError = kafkajs.KafkaJSNonRetriableError;
export type KafkaJSNonRetriableError = InstanceType<typeof kafkajs.KafkaJSNonRetriableError>;
export const KafkaJSProtocolError = kafkajs.KafkaJSProtocolError;
export type KafkaJSProtocolError = InstanceType<typeof kafkajs.KafkaJSProtocolError>;
export const KafkaJSAggregateError = kafkajs.KafkaJSAggregateError;
export type KafkaJSAggregateError = InstanceType<typeof kafkajs.KafkaJSAggregateError>;
export const KafkaJSOffsetOutOfRange = kafkajs.KafkaJSOffsetOutOfRange;
export type KafkaJSOffsetOutOfRange = InstanceType<typeof kafkajs.KafkaJSOffsetOutOfRange>;
export const KafkaJSNumberOfRetriesExceeded = kafkajs.KafkaJSNumberOfRetriesExceeded;
export type KafkaJSNumberOfRetriesExceeded = InstanceType<typeof kafkajs.KafkaJSNumberOfRetriesExceeded>;
export const KafkaJSConnectionError = kafkajs.KafkaJSConnectionError;
export type KafkaJSConnectionError = InstanceType<typeof kafkajs.KafkaJSConnectionError>;
export const KafkaJSRequestTimeoutError = kafkajs.KafkaJSRequestTimeoutError;
export type KafkaJSRequestTimeoutError = InstanceType<typeof kafkajs.KafkaJSRequestTimeoutError>;
export const KafkaJSMetadataNotLoaded = kafkajs.KafkaJSMetadataNotLoaded;
export type KafkaJSMetadataNotLoaded = InstanceType<typeof kafkajs.KafkaJSMetadataNotLoaded>;
export const KafkaJSTopicMetadataNotLoaded = kafkajs.KafkaJSTopicMetadataNotLoaded;
export type KafkaJSTopicMetadataNotLoaded = InstanceType<typeof kafkajs.KafkaJSTopicMetadataNotLoaded>;
export const KafkaJSServerDoesNotSupportApiKey = kafkajs.KafkaJSServerDoesNotSupportApiKey;
export type KafkaJSServerDoesNotSupportApiKey = InstanceType<typeof kafkajs.KafkaJSServerDoesNotSupportApiKey>;
export const KafkaJSBrokerNotFound = kafkajs.KafkaJSBrokerNotFound;
export type KafkaJSBrokerNotFound = InstanceType<typeof kafkajs.KafkaJSBrokerNotFound>;
export const KafkaJSSASLAuthenticationError = kafkajs.KafkaJSSASLAuthenticationError;
export type KafkaJSSASLAuthenticationError = InstanceType<typeof kafkajs.KafkaJSSASLAuthenticationError>;
export const KafkaJSGroupCoordinatorNotFound = kafkajs.KafkaJSGroupCoordinatorNotFound;
export type KafkaJSGroupCoordinatorNotFound = InstanceType<typeof kafkajs.KafkaJSGroupCoordinatorNotFound>;
export const KafkaJSTimeout = kafkajs.KafkaJSTimeout;
export type KafkaJSTimeout = InstanceType<typeof kafkajs.KafkaJSTimeout>;
export const KafkaJSLockTimeout = kafkajs.KafkaJSLockTimeout;
export type KafkaJSLockTimeout = InstanceType<typeof kafkajs.KafkaJSLockTimeout>;
export const KafkaJSDeleteGroupsError = kafkajs.KafkaJSDeleteGroupsError;
export type KafkaJSDeleteGroupsError = InstanceType<typeof kafkajs.KafkaJSDeleteGroupsError>;
export const KafkaJSDeleteTopicRecordsError = kafkajs.KafkaJSDeleteTopicRecordsError;
export type KafkaJSDeleteTopicRecordsError = InstanceType<typeof kafkajs.KafkaJSDeleteTopicRecordsError>;

export type {
  Admin,
  AdminConfig,
  Batch,
  BrokersFunction,
  Consumer,
  ConsumerConfig,
  ConsumerRunConfig,
  ConsumerSubscribeTopics,
  EachBatchHandler,
  EachBatchPayload,
  EachMessageHandler,
  EachMessagePayload,
  GroupDescription,
  GroupDescriptions,
  GroupOverview,
  IHeaders,
  ITopicConfig,
  ITopicMetadata,
  KafkaConfig,
  KafkaMessage,
  LogEntry,
  Logger,
  logCreator,
  Message,
  Offsets,
  PartitionMetadata,
  Producer,
  ProducerBatch,
  ProducerConfig,
  ProducerRecord,
  RecordMetadata,
  RetryOptions,
  SASLOptions,
  SeekEntry,
  TopicMessages,
  TopicOffsets,
  TopicPartitionOffsetAndMetadata,
  TopicPartitions,
  Transaction,
} from 'kafkajs';
