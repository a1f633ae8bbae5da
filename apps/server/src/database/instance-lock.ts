import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Who may use an embedded PostgreSQL data folder, and which process a postmaster.pid really names.
 * A PID alone proves nothing: after a crash or a reboot it may belong to any other process.
 */

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the process started (Linux: clock ticks since boot), or null where /proc is not available. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The process's arguments (Linux /proc, elsewhere `ps`), or null when it cannot be read. */
export function processArguments(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    try {
      const line = execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim();
      return line ? line.split(/\s+/) : null;
    } catch {
      return null;
    }
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * True only when `pid` is a PostgreSQL server started on exactly `clusterDir` (`postgres -D <dir>`),
 * so that recovery never signals an unrelated process that inherited the PID.
 */
export function isPostmasterOf(pid: number, clusterDir: string): boolean {
  if (!isAlive(pid)) return false;
  const args = processArguments(pid);
  if (!args?.length) return false;
  if (path.basename(args[0]) !== 'postgres') return false;
  const d = args.indexOf('-D');
  return d >= 0 && !!args[d + 1] && samePath(args[d + 1], clusterDir);
}

interface LockOwner {
  pid: number;
  startTime: string | null;
  since: string;
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function ownerAlive(owner: LockOwner | null): boolean {
  if (!owner || !Number.isInteger(owner.pid) || !isAlive(owner.pid)) return false;
  const started = processStartTime(owner.pid);
  // Same PID, other start time: the owner died and its PID was reused.
  return !(owner.startTime && started && owner.startTime !== started);
}

export class InstanceLockedError extends Error {}

/**
 * Takes `file` for this process (created with O_EXCL, holding our PID and start time), replacing it
 * only when its owner is gone. Another live owner: InstanceLockedError with a Chinese message.
 * Returns the release function (also run on process exit).
 */
export function acquireInstanceLock(file: string, what: string): () => void {
  const mine: LockOwner = { pid: process.pid, startTime: processStartTime(process.pid), since: new Date().toISOString() };
  const text = JSON.stringify(mine);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(file, 'utf8') === text) fs.rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner = readOwner(file);
    if (!owner) {
      // Unreadable: being written by a process starting right now, or left half-written by a crash.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      owner = readOwner(file);
    }
    if (owner && ownerAlive(owner)) {
      throw new InstanceLockedError(
        `${what}正被另一个运行中的实例使用（进程 ${owner.pid}，自 ${owner.since}）。同一数据目录只能运行一个实例：` +
          '请先停止那个实例，或为本实例设置另一个 DATA_DIR，或设置 DATABASE_URL 使用外部 PostgreSQL。',
      );
    }
    // The owner is gone (killed, crashed, rebooted): move its lock aside, unless another starting
    // process replaced it meanwhile (then the next attempt sees that one).
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
      const moved = readOwner(aside);
      const same = moved && owner ? moved.pid === owner.pid && moved.since === owner.since : !moved && !owner;
      if (same) fs.rmSync(aside, { force: true });
      else fs.renameSync(aside, file); // not the stale lock we looked at: put it back
    } catch {
      // another starting process moved it first
    }
  }
  throw new InstanceLockedError(`无法取得${what}的实例锁（${file}），请稍后重试`);
}
