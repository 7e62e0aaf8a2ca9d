// infra/platform.mjs ships no type declarations; this is the part of it the browser tests use.
declare module '@xiangmeng/infra/platform' {
  export type RunningPlatform = {
    url: string;
    embedded: boolean;
    demoPassword: string | null;
    stop(): Promise<void>;
  };

  export function startPlatform(options?: {
    dataDir?: string;
    port?: number;
    pgPort?: number;
    host?: string;
    env?: NodeJS.ProcessEnv;
    log?: (line: string) => void;
  }): Promise<RunningPlatform>;
}
