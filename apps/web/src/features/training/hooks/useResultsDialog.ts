import { useState } from 'react';
import { resultRowsFor, type ResultRow, type TrainingSession } from '../training';

/** The results dialog of one session and the sheet being filled in (the last recorded results on opening). */
export function useResultsDialog() {
  const [session, setSession] = useState<TrainingSession | null>(null);
  const [rows, setRows] = useState<ResultRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const open = (s: TrainingSession) => {
    setError(null);
    setRows(resultRowsFor(s));
    setSession(s);
  };
  const setRow = (i: number, patch: Partial<ResultRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return { session, rows, setRows, setRow, error, setError, open, close: () => setSession(null) };
}

export type ResultsDialog = ReturnType<typeof useResultsDialog>;
