import { lazy, useState, type ComponentType } from 'react';
import { kept, type Kept } from './keptModule';

/**
 * A component in a chunk of its own that renders at once when the chunk is already in. `React.lazy`
 * suspends on its first render even for a module prefetched long before (beside the page's data):
 * the boundary's fallback is committed, and React then holds the content back until 300 ms after
 * that fallback showed. A prefetch through `load` keeps the component when it arrives; one first
 * rendered before that suspends as with `lazy`.
 */
export function keptLazy<P extends object>(source: Kept<ComponentType<P>> | (() => Promise<ComponentType<P>>)): {
  Component: ComponentType<P>;
  load: () => Promise<ComponentType<P>>;
} {
  const chunk = typeof source === 'function' ? kept(source) : source;
  const Lazy = lazy(() => chunk.load().then((component) => ({ default: component })));
  function Kept(props: P) {
    // chosen once per mount: switching from the lazy one to the loaded one would mount it twice
    const [Chosen] = useState<ComponentType<P>>(() => chunk.loaded() ?? Lazy);
    return <Chosen {...props} />;
  }
  return { Component: Kept, load: chunk.load };
}
