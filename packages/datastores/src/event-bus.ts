// Picks the event bus from a service's config (`EVENT_BUS`, see busEnv in @shop/common).
import { ConfigError, type Logger } from '@shop/common';
import { SnsSqsBus } from './aws-bus';
import { InProcessBus, RedisStreamsBus, type EventBus } from './bus';
import { connectRedis } from './cache';

export interface EventBusConfig {
  EVENT_BUS?: 'memory' | 'redis' | 'aws';
  REDIS_URL?: string;
  EVENT_STREAM: string;
  AWS_REGION: string;
  AWS_ENDPOINT_URL?: string;
  SNS_ENDPOINT?: string;
  SQS_ENDPOINT?: string;
  EVENT_TOPIC: string;
  EVENT_PROVISION: boolean;
  EVENT_QUEUE_PREFIX: string;
  EVENT_MAX_RECEIVES: number;
  EVENT_VISIBILITY_TIMEOUT_SECONDS: number;
  EVENT_WAIT_SECONDS: number;
}

export function createEventBus(config: EventBusConfig, logger: Logger): EventBus {
  const kind = config.EVENT_BUS ?? (config.REDIS_URL ? 'redis' : 'memory');
  switch (kind) {
    case 'aws':
      return new SnsSqsBus(
        {
          region: config.AWS_REGION,
          snsEndpoint: config.SNS_ENDPOINT ?? config.AWS_ENDPOINT_URL,
          sqsEndpoint: config.SQS_ENDPOINT ?? config.AWS_ENDPOINT_URL,
          topicName: config.EVENT_TOPIC,
          provision: config.EVENT_PROVISION,
          queuePrefix: config.EVENT_QUEUE_PREFIX,
          maxReceiveCount: config.EVENT_MAX_RECEIVES,
          visibilityTimeoutSeconds: config.EVENT_VISIBILITY_TIMEOUT_SECONDS,
          waitTimeSeconds: config.EVENT_WAIT_SECONDS,
        },
        logger,
      );
    case 'redis':
      if (!config.REDIS_URL) throw new ConfigError(['REDIS_URL: is required when EVENT_BUS=redis']);
      return new RedisStreamsBus(connectRedis(config.REDIS_URL), logger, { stream: config.EVENT_STREAM });
    case 'memory':
      return new InProcessBus(logger);
  }
}
