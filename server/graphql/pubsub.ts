// Live updates. In-process by default; across instances through Redis when REDIS_URL is set.
import { createPubSub } from "graphql-yoga";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";

export interface HandoverChangedEvent {
  handoverId: string;
  unitIds: string[];
  status: string;
}

export type PubSubChannels = {
  "handover:changed": [HandoverChangedEvent];
};

export type PubSub = ReturnType<typeof createPubSub<PubSubChannels>>;

export interface LivePubSub {
  pubsub: PubSub;
  close(): Promise<void>;
}

export function createLivePubSub(redisUrl: string | undefined): LivePubSub {
  if (!redisUrl) return { pubsub: createPubSub<PubSubChannels>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  // A subscriber connection may not send INFO (the ready check) once it is in subscriber mode.
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: 3, enableReadyCheck: false });
  // Without listeners ioredis reports connection problems as unhandled 'error' events.
  for (const client of [publishClient, subscribeClient]) client.on("error", () => {});
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<PubSubChannels>({ eventTarget }),
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
