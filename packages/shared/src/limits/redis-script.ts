import { createHash } from 'node:crypto';

/** The slice of a node-redis v5 client that running a script needs. */
export interface ScriptClient {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RedisScript {
  readonly source: string;
  readonly sha1: string;
  run(redis: ScriptClient, keys: string[], args: string[]): Promise<unknown>;
}

/** A Lua script sent by its SHA1 (one short request per call), loaded again with EVAL when Redis lost it. */
export function defineRedisScript(source: string): RedisScript {
  const sha1 = createHash('sha1').update(source).digest('hex');
  return {
    source,
    sha1,
    async run(redis, keys, args) {
      const options = { keys, arguments: args };
      try {
        return await redis.evalSha(sha1, options);
      } catch (error) {
        // A restarted or flushed Redis has lost the script cache; EVAL loads it again.
        if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
        return await redis.eval(source, options);
      }
    },
  };
}
