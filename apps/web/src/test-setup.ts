import { configure } from '@testing-library/react';

// `waitFor` and `findBy…` wait up to 1 s by default: on a busy 2-core CI runner a check sent through
// the outbox (IndexedDB, then the fake server) took longer once (CheckDrawer, "expected 1 to be 2").
// A limit on time, not on what is asserted.
configure({ asyncUtilTimeout: 10_000 });
