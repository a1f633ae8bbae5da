import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@apollo/client';

export interface Progress {
  phase: 'reading' | 'uploading' | 'checking' | 'done';
  /** 0–100 for reading and uploading; undefined while the server works (no figure to show honestly). */
  percent?: number;
}

/** Reads a local file as base64, reporting real progress from the FileReader. */
export function readAsBase64(file: File, onProgress: (p: Progress) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'reading', percent: Math.round((e.loaded / e.total) * 100) });
    };
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly fields?: { field: string; message: string; row?: number | null }[],
  ) {
    super(message);
  }
}

/**
 * One GraphQL request over XMLHttpRequest, for large uploads: unlike fetch it reports upload
 * progress. Same endpoint, cookie and JSON body as the Apollo client.
 */
export function postWithProgress<TData, TVars>(
  doc: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  onProgress: (p: Progress) => void,
): Promise<TData> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        const percent = Math.round((e.loaded / e.total) * 100);
        onProgress(percent >= 100 ? { phase: 'checking' } : { phase: 'uploading', percent });
      }
    };
    xhr.upload.onload = () => onProgress({ phase: 'checking' });
    xhr.onerror = () => reject(new GraphQLRequestError('无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      onProgress({ phase: 'done' });
      let body: { data?: TData; errors?: { message: string; extensions?: { code?: string; fields?: [] } }[] };
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new GraphQLRequestError(`服务器返回异常（HTTP ${xhr.status}）`));
        return;
      }
      const err = body.errors?.[0];
      if (err) {
        if (err.extensions?.code === 'UNAUTHENTICATED') window.location.assign('/login');
        reject(new GraphQLRequestError(err.message, err.extensions?.code, err.extensions?.fields));
      } else resolve(body.data as TData);
    };
    onProgress({ phase: 'uploading', percent: 0 });
    xhr.send(JSON.stringify({ query: print(doc as DocumentNode), variables }));
  });
}
