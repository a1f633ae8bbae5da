import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const basePort = Number(process.env.E2E_PORT ?? 4173);

/** The second server of the onboarding journey: a production-like deployment (SEED_DEMO=false). */
export const onboardingServer = {
  port: Number(process.env.E2E_ONBOARD_PORT ?? basePort + 5),
  get url() {
    return `http://localhost:${this.port}`;
  },
  dataDir: process.env.E2E_ONBOARD_DATA_DIR ?? path.join(os.tmpdir(), `evs-e2e-onboard-${basePort + 5}`),
  adminPassword: 'Deploy@2026start',
  /** A production start needs the auditor's own (三员分立: never the administrator's). */
  auditorPassword: 'Audit@2026start',
  /** The server's clock offset in ms (TEST_CLOCK_OFFSET_FILE): the journey reaches training time and the event's end without waiting. */
  clockFile: path.join(os.tmpdir(), `evs-e2e-onboard-clock-${basePort + 5}`),
};

/** Moves the onboarding server's clock `minutes` ahead of the real time. */
export function setServerClockAhead(minutes: number): void {
  writeFileSync(onboardingServer.clockFile, String(minutes * 60_000));
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `apps/server/dist/main.js` on a fresh embedded PostgreSQL with the given environment and
 * waits for /healthz; `stop` sends SIGTERM (the server then stops its PostgreSQL) and waits.
 */
export async function startServer(env: Record<string, string>, port: number, dataDir: string): Promise<RunningServer> {
  rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, ['apps/server/dist/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port + 50000), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within 120 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
