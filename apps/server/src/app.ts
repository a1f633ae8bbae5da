import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { GraphQLError } from 'graphql';
import helmet from 'helmet';
import fs from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from './config';
import { AppContext } from './common/context';
import { downloadRouter } from './common/download';
import { asDomainError, databaseOutage, formatError, unauthenticated } from './common/errors';
import { jsonErrorHandler, jsonNotFound } from './common/http-errors';
import { createLoaders } from './common/loaders';
import { logger } from './common/logger';
import { currentRequest, requestContext } from './common/request-context';
import { downloadSession } from './modules/auth/auth.checker';
import { DEVICE_COOKIE, deviceToken, SESSION_COOKIE } from './modules/auth/auth.service';
import { auditDenials, auditDownloads, auditIdNumberReads, BACKGROUND_HEADER } from './modules/audit/audit.http';
import { IdNumberReads } from './modules/audit/id-number-reads';
import { downloadRoutes } from './downloads';
import { createSchema } from './schema';
import { createServices } from './services';
import { pageBudget } from './common/page-budget';

/** What a request id given in `x-request-id` may look like (it is logged and stored in audit entries). */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
import { startRetentionJob } from './modules/privacy/retention.job';

export interface RunningApp {
  url: string;
  httpServer: http.Server;
  services: ReturnType<typeof createServices>;
  /**
   * Graceful stop: /readyz answers 503 at once, the listener closes after `shutdownDelayMs`, requests
   * already accepted are served (up to `shutdownTimeoutMs`), then GraphQL stops. The caller closes
   * the pool and the database afterwards.
   */
  close(): Promise<ShutdownReport>;
}

export interface ShutdownReport {
  /** Requests in flight when the stop began (readiness turned 503). */
  inFlightAtSignal: number;
  /** Requests in flight when the listener closed. */
  inFlight: number;
  /** Requests still unfinished when the timeout cut them. */
  cut: number;
}

/** Limits of one GraphQL document (graphql-armor); every operation of the web app stays below them. */
export const QUERY_LIMITS = { maxAliases: 15, maxDepth: 10, maxCost: 5000, maxTokens: 2000, maxDirectives: 20 };

/** How often committed audit entries are sealed into the hash chain. */
const AUDIT_SEAL_MS = 1000;

/** The request body limit of a signed-in session: a base64 import file of 15 MB plus the rest of the request. */
export const JSON_BODY_LIMIT = 21 * 1024 * 1024;

/**
 * Every other request's: no query or form of the web app comes near it. A body over it is parsed only for
 * a live session (review 8-A F2: anyone could send 21 MB bodies, whose parsing stalled every user).
 */
export const SMALL_BODY_LIMIT = 1024 * 1024;

const READY_CHECK_MS = 2000;

/** How long an idle kept-alive connection stays open: longer than a proxy's upstream keepalive (nginx 60 s). */
export const KEEP_ALIVE_MS = 65_000;

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Error codes that say the request itself was wrong: the client's fault, never a 5xx. */
const CLIENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * The HTTP status of the whole response: 503 when an error is a database outage (not a refused input);
 * 400 when a request that was not run at all was refused for its own text (a syntax error, or over a
 * limit of graphql-armor, whose parser throws where Apollo would otherwise answer 500).
 */
const outageStatusPlugin: ApolloServerPlugin<AppContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ errors, response }) {
        const statuses = errors?.map((e) => asDomainError(e)?.httpStatus) ?? [];
        if (statuses.includes(503)) {
          response.http.status = 503;
          return;
        }
        if (statuses.includes(429)) {
          response.http.status = 429;
          return;
        }
        const status = response.http.status ?? 200;
        if (errors?.length && status >= 500 && errors.every((e) => CLIENT_ERROR_CODES.has(String(e.extensions?.code)))) {
          response.http.status = 400;
        }
      },
    };
  },
};

/** Builds the HTTP server: GraphQL at /graphql, /healthz, /readyz, downloads, and the SPA. Listens on `port` (0 = any). */
export async function startApp(ds: DataSource, config: AppConfig, port = config.port): Promise<RunningApp> {
  const services = createServices(ds, config);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  // An idle kept-alive connection stays open longer than a client or proxy waits before reusing it
  // (nginx upstream keepalive: 60 s). With Node's 5 s, a request sent on a socket just as this side
  // closed it failed at the client with ECONNRESET. A graceful stop still closes idle sockets at once.
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  httpServer.headersTimeout = KEEP_ALIVE_MS + 1_000;
  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  // Request id, one structured log line per request, and the count a graceful stop waits for.
  app.use((req, res, next) => {
    // A caller's (a proxy's) request id is kept when it is a plain token; anything else gets a new one.
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    // The server's "now" (its clock seam): the web takes its defaults and date checks from it, not
    // from a phone whose clock may be off (or a journey's moved clock, e2e).
    res.setHeader('x-server-time', config.clock.now().toISOString());
    // While stopping, no connection is kept alive for a next request this node will not serve.
    if (draining) res.setHeader('connection', 'close');
    inFlight += 1;
    const started = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    };
    res.on('close', finish);
    res.on('finish', () => {
      finish();
      logger.info({
        requestId,
        method: req.method,
        url: req.originalUrl,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        operation: res.locals.operationName,
        userId: res.locals.userId,
      }, 'request');
    });
    next();
  });
  app.use(requestContext);

  // A path that does not decode (e.g. /%E0%A4%A) is refused here, in Chinese, rather than by a
  // library further down in English.
  app.use((req, _res, next) => {
    try {
      decodeURIComponent(req.path);
      next();
    } catch {
      next(Object.assign(new Error('malformed path'), { status: 400 }));
    }
  });

  // Liveness: the process answers. Never touches the database, so it stays fast under any load.
  app.get('/healthz', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ status: 'ok' });
  });

  // Readiness: this node should get traffic (not stopping, database reachable).
  app.get('/readyz', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (draining) {
      res.status(503).json({ status: 'stopping', database: 'unknown' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ds.query('SELECT 1'),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('readiness check timed out')), READY_CHECK_MS);
        }),
      ]);
      databaseOutage.success();
      res.json({ status: 'ok', database: 'ok' });
    } catch (err) {
      databaseOutage.failure(err);
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  });

  // Security headers. The SPA has no inline script; antd writes its CSS-in-JS into <style> tags.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // Only meaningful over HTTPS (COOKIE_SECURE=true marks a deployment behind TLS).
      strictTransportSecurity: config.cookieSecure ? { maxAge: 180 * 24 * 3600 } : false,
      xFrameOptions: { action: 'deny' },
    }),
  );

  // gzip or brotli for dynamic answers (GraphQL JSON, index.html); static files come precompressed.
  app.use(compression({ threshold: 1024 }));

  // Every download is audited (who, what, from where); a refused one as a permission denial. The
  // on-site photos are looked at all day: only their refusals are audited.
  app.use('/exports', auditDownloads(services));
  app.use('/photos', auditDownloads(services, { deniedOnly: true }));
  // Every download (import templates, 审核通报, 签到表, 台账, 总览, the on-site photos): one adapter, each feature's route list.
  app.use(downloadRouter(downloadSession(services.auth), downloadRoutes(services)));

  const armor = new ApolloArmor({
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    // The token limit is graphql-js's own (parseOptions below): armor's parser throws from a plugin
    // hook, which Apollo answers with HTTP 500 for every syntax error; graphql-js's gives 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<AppContext>({
    schema: await createSchema(),
    formatError: formatError(logger),
    introspection: config.graphqlIntrospection,
    includeStacktraceInErrorResponses: false,
    // Compact JSON (Apollo's default indents every answer by two spaces): a page of 50 activities is a
    // third smaller before gzip, and the server spends less on writing and compressing it.
    stringifyResult: (value) => JSON.stringify(value),
    // main.ts owns SIGINT/SIGTERM (see close() below).
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // Automatic persisted queries are not used by the web app; a malformed hash was a 500 (review 8-A F10).
    persistedQueries: false,
    plugins: [
      ...protection.plugins,
      pageBudget(),
      outageStatusPlugin,
      auditDenials(services),
      auditIdNumberReads(services),
      // No per-field cache hints here: the plugin's hook on every resolved field halved the
      // throughput of a 50-row list (issue 15). Every answer is `no-store` (below) instead.
      ApolloServerPluginCacheControlDisabled(),
      config.graphqlIntrospection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  // Answers carry personal data: never kept by a browser or a proxy (also a refusal, also the schema).
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  };
  // The body's declared length decides the parser: a large one only once its session is known to be live.
  const smallJson = express.json({ limit: SMALL_BODY_LIMIT });
  const largeJson = express.json({ limit: JSON_BODY_LIMIT });
  const sizedJson: express.RequestHandler = (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (!(declared > SMALL_BODY_LIMIT)) {
      smallJson(req, res, next);
      return;
    }
    if (declared > JSON_BODY_LIMIT) {
      largeJson(req, res, next); // refused by its declared length, unread
      return;
    }
    const token: string | undefined = req.cookies?.[SESSION_COOKIE];
    (token ? services.auth.sessionForToken(token, { background: true }) : Promise.resolve(null)).then(
      (session) =>
        session
          ? largeJson(req, res, next)
          : // a cookie whose session ended: the limit is not the problem, the login is (code review 8 F4)
            next(token ? unauthenticated('登录已过期，请重新登录后再上传') : Object.assign(new Error('body too large'), { type: 'entity.too.large', status: 413, limit: SMALL_BODY_LIMIT })),
      next,
    );
  };
  app.use(
    '/graphql',
    noStore,
    cookieParser(),
    sizedJson,
    requestContext,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token: string | undefined = req.cookies?.[SESSION_COOKIE];
        // Polling (e.g. the unread count) does not keep an idle session alive.
        const background = req.headers[BACKGROUND_HEADER] === '1';
        let session = null;
        try {
          session = token ? await services.auth.sessionForToken(token, { background }) : null;
        } catch (err) {
          const domain = asDomainError(err);
          if (!domain) throw err;
          throw new GraphQLError(domain.message, {
            originalError: domain,
            extensions: { code: domain.code, http: { status: domain.httpStatus ?? 400 } },
          });
        }
        const actor = session?.actor ?? null;
        if (session) currentRequest().storedSettings = session.storedSettings;
        currentRequest().deviceToken = deviceToken(req.cookies?.[DEVICE_COOKIE]);
        res.locals.userId = actor?.id;
        res.locals.operationName = req.body?.operationName;
        return {
          requestId: res.locals.requestId,
          actor,
          sessionToken: actor ? token! : null,
          session: session ? { id: session.sessionId, expiresAt: session.expiresAt } : null,
          req,
          res,
          dataSource: ds,
          services,
          loaders: createLoaders(ds, services, actor),
          idNumberReads: new IdNumberReads(),
        };
      },
    }),
  );

  // The SPA: static files (with the .br/.gz made at build time), and index.html for every client-side route.
  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    // Hashed bundles never change; the page, the service worker and its loader are checked each time,
    // so a new release reaches every device (the service worker then swaps the cached app).
    app.use(
      expressStaticGzip(config.webDist, {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        index: false,
        serveStatic: {
          index: false,
          setHeaders: (res, file) => {
            const hashed = file.includes(`${path.sep}assets${path.sep}`) || /workbox-[\w-]+\.js(\.br|\.gz)?$/.test(file);
            res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
          },
        },
      }),
    );
    app.get(/^\/(?!graphql|healthz|readyz|exports|templates\/|photos\/).*/, (_req, res) => res.sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } }));
  }

  app.use(jsonNotFound);
  app.use(jsonErrorHandler);

  // The audit hash chain is sealed after commit, every second (see migration AuditSealing).
  const sealer = setInterval(() => {
    services.audit.seal().catch((err) => logger.debug({ err }, 'audit seal skipped'));
  }, AUDIT_SEAL_MS);
  sealer.unref();

  await new Promise<void>((resolve) => httpServer.listen(port, config.host, resolve));
  // Personal data past its retention period is removed or anonymised on a schedule (0: not in this process).
  const retentionJob = config.privacyPurgeIntervalMinutes > 0 ? startRetentionJob(services.retention, config.privacyPurgeIntervalMinutes, logger) : null;
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  // 督办: passed deadlines remind the responsible unit, then the office (idempotent across nodes).
  const stopReminders = services.supervision.startSchedule(config.reminderIntervalSeconds);
  return {
    url: `http://localhost:${actualPort}`,
    httpServer,
    services,
    close: async () => {
      stopReminders();
      draining = true;
      retentionJob?.stop();
      clearInterval(sealer);
      const inFlightAtSignal = inFlight;
      if (config.shutdownDelayMs > 0) await sleep(config.shutdownDelayMs);
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const report: ShutdownReport = { inFlightAtSignal, inFlight, cut: 0 };
      if (inFlight > 0) {
        const allServed = new Promise<void>((resolve) => {
          drained = resolve;
        });
        await Promise.race([allServed, sleep(config.shutdownTimeoutMs)]);
        report.cut = inFlight;
      }
      // Keep-alive connections that served their last answer, and anything past the timeout.
      httpServer.closeAllConnections();
      await closed;
      await apollo.stop();
      return report;
    },
  };
}
