// What a background job is. The job list and the scheduler live in server/jobs.ts, which imports
// every module's jobs; modules import these types from here, so the imports run one way.
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Prisma } from "../db/database.ts";
import type { PubSub } from "../graphql/pubsub.ts";

export interface JobDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
  pubsub: PubSub;
}

export interface Job {
  name: string;
  /** Returns how many rows it changed (a count only: never what they were). */
  run(deps: JobDependencies): Promise<number>;
}
