export declare const OWNER_ROLE: 'xiangmeng_owner';
export declare const DEFINER_ROLE: 'xiangmeng_definer';
export declare const APP_ROLE: 'xiangmeng_app';
export declare const APP_ROLE_LIMITS: Record<'statement_timeout' | 'idle_in_transaction_session_timeout' | 'lock_timeout', string>;

export type DatabaseUrls = { ownerUrl: string; appUrl: string; adminUrl: string };

export declare function freePort(): Promise<number>;
export declare function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  scratch?: boolean;
  onLog?: (message: unknown) => void;
}): Promise<{ adminUrl: string; stop(): Promise<void> }>;
export declare function bootstrapDatabase(options: {
  adminUrl: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
}): Promise<DatabaseUrls>;
export declare function dropDatabase(adminUrl: string, database: string): Promise<void>;
export declare function loadOrCreateRolePasswords(dataDir: string): Promise<{ ownerPassword: string; appPassword: string }>;
export declare function startScratchDatabase(options: { name: string; tmpDir: string }): Promise<
  DatabaseUrls & { serverAdminUrl: string; database: string; stop(): Promise<void> }
>;
