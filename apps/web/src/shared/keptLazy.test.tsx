import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { keptLazy } from './keptLazy';
import { kept } from './keptModule';

const Figure = ({ n }: { n: number }) => <span>figure {n}</span>;

describe('kept chunks', () => {
  it('loads a chunk once for every prefetch and render, and asks again after a failure', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue('module');
    const chunk = kept(importer);
    await expect(chunk.load()).rejects.toThrow('Failed to fetch');
    expect(chunk.loaded()).toBeUndefined();
    await Promise.all([chunk.load(), chunk.load()]);
    expect(importer).toHaveBeenCalledTimes(2); // the failure, then one load for both calls
    expect(chunk.loaded()).toBe('module');
  });

  it('renders a component whose chunk is already in without suspending (no fallback committed)', async () => {
    const { Component, load } = keptLazy(() => Promise.resolve(Figure));
    await load();
    render(
      <Suspense fallback={<span>loading</span>}>
        <Component n={7} />
      </Suspense>,
    );
    // synchronously, in the first commit
    expect(screen.getByText('figure 7')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('suspends like React.lazy when rendered before its chunk is in, then shows it', async () => {
    let arrive!: (c: typeof Figure) => void;
    const { Component } = keptLazy(() => new Promise<typeof Figure>((resolve) => (arrive = resolve)));
    render(
      <Suspense fallback={<span>loading</span>}>
        <Component n={3} />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => arrive(Figure));
    expect(await screen.findByText('figure 3')).toBeTruthy();
  });
});
