export * from './kafkajs';
export * from './kafka-client-error';
export * from './brokers';
export * from './quiet-logger';
export * from './create-kafka';
export * from './wait-for-broker';
export * from './ensure-topics';
