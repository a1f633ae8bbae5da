import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cookieParser from 'cookie-parser';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from './config';
import { AppContext } from './common/context';
import { formatError } from './common/errors';
import { createLoaders } from './common/loaders';
import { logger } from './common/logger';
import { SESSION_COOKIE } from './modules/auth/auth.service';
import { createSchema } from './schema';
import { createServices } from './services';
import { vettingRoutes } from './modules/vetting/vetting.http';
import { exportsRouter } from './modules/timeline/exports.router';
import { overviewExportRouter } from './modules/dashboard/overview.export';

export interface RunningApp {
  url: string;
  httpServer: http.Server;
  services: ReturnType<typeof createServices>;
  close(): Promise<void>;
}

/** Builds the HTTP server: GraphQL at /graphql, /healthz, and the SPA. Listens on `port` (0 = any). */
export async function startApp(ds: DataSource, config: AppConfig, port = config.port): Promise<RunningApp> {
  const services = createServices(ds, config);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  // Request id and one structured log line per request.
  app.use((req, res, next) => {
    const requestId = (req.headers['x-request-id'] as string) || crypto.randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
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

  app.get('/healthz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (err) {
      logger.error({ err }, 'health check failed');
      res.status(503).json({ status: 'error', database: 'unreachable' });
    }
  });

  app.use(overviewExportRouter(services));

  const apollo = new ApolloServer<AppContext>({
    schema: await createSchema(),
    formatError: formatError(logger),
    introspection: true,
    // main.ts owns SIGINT/SIGTERM. With Apollo's own handler too, our apollo.stop() runs concurrently
    // with Apollo's and never returns (5.5.1 does not resolve the stop barrier on success).
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.use(
    '/graphql',
    cookieParser(),
    express.json({ limit: '25mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token: string | undefined = req.cookies?.[SESSION_COOKIE];
        const actor = token ? await services.auth.actorForToken(token) : null;
        res.locals.userId = actor?.id;
        res.locals.operationName = req.body?.operationName;
        return {
          requestId: res.locals.requestId,
          actor,
          sessionToken: actor ? token! : null,
          req,
          res,
          dataSource: ds,
          services,
          loaders: createLoaders(ds),
        };
      },
    }),
  );

  // Import templates and the 审核通报 as Excel (session cookie, same tiers as the API).
  app.use(vettingRoutes(services));

  // Excel downloads (签到表, 台账), authorized by the session cookie like the API.
  app.use('/exports', exportsRouter(services));

  // The SPA: static files, and index.html for every client-side route.
  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    // Hashed bundles never change; the page, the service worker and its loader are checked each time,
    // so a new release reaches every device (the service worker then swaps the cached app).
    app.use(
      express.static(config.webDist, {
        index: false,
        setHeaders: (res, file) => {
          const hashed = file.includes(`${path.sep}assets${path.sep}`) || /workbox-[\w-]+\.js$/.test(file);
          res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      }),
    );
    app.get(/^\/(?!graphql|healthz|exports|templates\/).*/, (_req, res) => res.sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } }));
  }

  await new Promise<void>((resolve) => httpServer.listen(port, config.host, resolve));
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
      await apollo.stop();
    },
  };
}
