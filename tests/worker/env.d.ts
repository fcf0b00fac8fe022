declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    DOCS: R2Bucket;
    ASSETS: Fetcher;
    UPLOADS: DurableObjectNamespace<import("../../worker/src/uploads/upload-session.ts").UploadSession>;
    ENVIRONMENT: string;
    APP_ORIGIN: string;
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    TEST_SEED: string[];
    EMAIL: SendEmail;
    EMAIL_REFUSING: SendEmail;
    TEST_MESSAGING_URL: string;
  }
}

declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../../worker/src/index.ts");
  }
}
