import { Alert } from 'antd';
import { errorMessage, fieldErrors } from './errors';

/** Shows a failed operation's Chinese message; rows of an import are listed under it. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  const rows = fieldErrors(error).filter((f) => f.row != null);
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={errorMessage(error)}
      description={
        rows.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {rows.map((f, i) => (
              <li key={i}>
                第 {f.row} 行 {f.field}：{f.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
