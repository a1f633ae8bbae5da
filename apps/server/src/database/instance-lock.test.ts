import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recoverStaleCluster } from './embedded';
import { acquireInstanceLock, InstanceLockedError, isAlive, isPostmasterOf, processStartTime } from './instance-lock';

/**
 * Embedded mode's guards, with stand-in processes: a second app on the same DATA_DIR refuses, and
 * recovery only ever stops a process that really is this folder's PostgreSQL.
 */
describe('embedded data folder: instance lock and postmaster recovery', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  /** A live process that is not PostgreSQL (its PID stands for one that was reused). */
  const bystander = () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  };
  /** A process whose command line is `…/postgres <script> -D <clusterDir>`, like a postmaster's. */
  const fakePostmaster = (clusterDir: string) => {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    if (!fs.existsSync(path.join(bin, 'postgres'))) fs.symlinkSync(process.execPath, path.join(bin, 'postgres'));
    const script = path.join(dir, 'idle.js');
    fs.writeFileSync(script, 'setTimeout(() => {}, 60000);');
    const child = spawn(path.join(bin, 'postgres'), [script, '-D', clusterDir], { stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  };
  const waitForArgs = async (pid: number) => {
    for (let i = 0; i < 50 && !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('-D'); i++) await new Promise((r) => setTimeout(r, 20));
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evs-lock-'));
  });
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second instance while the first one lives, in Chinese, and takes over once it is gone', async () => {
    const file = path.join(dir, 'pg.lock');
    const other = bystander();
    fs.writeFileSync(file, JSON.stringify({ pid: other, startTime: processStartTime(other), since: '2026-01-01T00:00:00Z' }));
    expect(() => acquireInstanceLock(file, '数据目录 X ')).toThrow(InstanceLockedError);
    expect(() => acquireInstanceLock(file, '数据目录 X ')).toThrow(new RegExp(`正被另一个运行中的实例使用（进程 ${other}`));

    const gone = new Promise((resolve) => children[children.length - 1].once('exit', resolve));
    process.kill(other, 'SIGKILL');
    await gone;
    const release = acquireInstanceLock(file, '数据目录 X ');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    expect(() => acquireInstanceLock(file, '数据目录 X ')).toThrow(InstanceLockedError);
    release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('treats a lock whose PID now belongs to a younger process as stale', () => {
    const file = path.join(dir, 'pg.lock');
    const reused = bystander();
    fs.writeFileSync(file, JSON.stringify({ pid: reused, startTime: '1', since: '2020-01-01T00:00:00Z' }));
    const release = acquireInstanceLock(file, '数据目录 X ');
    release();
  });

  it('recognises a postmaster only by its command line naming this folder', async () => {
    const clusterDir = path.join(dir, 'pg');
    fs.mkdirSync(clusterDir);
    const pm = fakePostmaster(clusterDir);
    await waitForArgs(pm);
    expect(isPostmasterOf(pm, clusterDir)).toBe(true);
    expect(isPostmasterOf(pm, path.join(dir, 'other'))).toBe(false);
    expect(isPostmasterOf(bystander(), clusterDir)).toBe(false);
  });

  it('leaves an unrelated process named by a stale postmaster.pid alone, and stops an orphaned postmaster of this folder', async () => {
    const clusterDir = path.join(dir, 'pg');
    fs.mkdirSync(clusterDir);
    const innocent = bystander();
    fs.writeFileSync(path.join(clusterDir, 'postmaster.pid'), `${innocent}\n${clusterDir}\n`);
    const log: string[] = [];
    await recoverStaleCluster(clusterDir, (m) => log.push(m));
    expect(isAlive(innocent)).toBe(true);
    expect(fs.existsSync(path.join(clusterDir, 'postmaster.pid'))).toBe(false);
    expect(log.join('\n')).toContain('不是本数据目录的 PostgreSQL');

    const orphan = fakePostmaster(clusterDir);
    await waitForArgs(orphan);
    fs.writeFileSync(path.join(clusterDir, 'postmaster.pid'), `${orphan}\n${clusterDir}\n`);
    const exited = new Promise((resolve) => children[children.length - 1].once('exit', resolve));
    await recoverStaleCluster(clusterDir, (m) => log.push(m));
    await exited;
    expect(isAlive(orphan)).toBe(false);
  });
});
