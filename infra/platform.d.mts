import type { DemoAccount } from '@xiangmeng/demo';

export type { DemoAccount };

export declare const REPO_ROOT: string;
export declare const WEB_APPS: { province: string; city: string };

export type RunningPlatform = {
  url: string;
  embedded: boolean;
  demoAccounts: readonly DemoAccount[];
  demoPassword: string | null;
  stop(): Promise<void>;
};

export declare function startPlatform(options?: {
  dataDir?: string;
  port?: number;
  pgPort?: number;
  host?: string;
  env?: NodeJS.ProcessEnv;
  clock?: unknown;
  log?: (line: string) => void;
}): Promise<RunningPlatform>;
