/** A token of Flink SQL for display: colour only, the text is never interpreted. */
export interface SqlToken {
  kind: 'keyword' | 'string' | 'comment' | 'identifier' | 'number' | 'text';
  text: string;
}

const KEYWORDS = new Set(
  `ADD AND AS ASC BEGIN BETWEEN BY CASE CAST CREATE CUMULATE DESCRIPTOR DISTINCT ELSE END EXECUTE FALSE FROM GROUP HAVING HOP IF IN INSERT INTERVAL INTO IS JOIN KEY LIKE NOT NULL ON OR ORDER PARTITION PRIMARY SELECT SESSION SET STATEMENT TABLE THEN TRUE TUMBLE UNION ALL VIEW WATERMARK WHEN WHERE WITH ENFORCED TEMPORARY SECOND MINUTE HOUR DAY MONTH YEAR TIMESTAMP TIMESTAMP_LTZ STRING INT BIGINT DOUBLE BOOLEAN`.split(' '),
);

const TOKEN = /(--[^\n]*)|('(?:[^']|'')*')|(`[^`]*`)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)|([\s\S])/g;

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const push = (kind: SqlToken['kind'], text: string) => {
    const last = tokens[tokens.length - 1];
    if (kind === 'text' && last?.kind === 'text') last.text += text;
    else tokens.push({ kind, text });
  };
  for (const m of sql.matchAll(TOKEN)) {
    if (m[1]) push('comment', m[1]);
    else if (m[2]) push('string', m[2]);
    else if (m[3]) push('identifier', m[3]);
    else if (m[4]) push('number', m[4]);
    else if (m[5]) push(KEYWORDS.has(m[5].toUpperCase()) ? 'keyword' : 'text', m[5]);
    else push('text', m[0]);
  }
  return tokens;
}
