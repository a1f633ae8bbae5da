import { enumTypeLabels, inputFieldLabel } from '@evs/schema';
import { ASTNode, GraphQLError, Kind, parse, visit } from 'graphql';

/**
 * The GraphQL layer's own refusals (syntax, validation, variable coercion, Apollo's HTTP checks,
 * graphql-armor's limits) in Chinese, naming the field. graphql-js words them in English with
 * suggestions ("Did you mean …") that would also reveal the schema; none of that reaches a client.
 */

export interface TranslatedError {
  message: string;
  /** The input path at fault (e.g. `input.status`, `page.page`), when there is one. */
  field?: string;
}

const INT_RANGE = '-2147483648～2147483647';

const enumLabel = (name: string) => enumTypeLabels[name] ?? name;

/**
 * A field path as a refusal names it: the label of its last named part (`预计每场人数`), the path only
 * for a field the glossary does not name; the path itself goes in the error's `field` (red-team L2: a
 * user read “开始时间（i.startsAt）”, the client's variable name).
 */
function fieldLabel(path: string): string {
  const label = inputFieldLabel(path);
  const item = /\.(\d+)\.\w+$|\.(\d+)$/.exec(path);
  const row = item ? `（第${Number(item[1] ?? item[2]) + 1}项）` : '';
  if (label) return `${label}${row}`;
  // no label: the field's own name, never the client's variable (`i.x` → `x`; `i` alone → nothing)
  const parts = path.split('.');
  return parts.length > 1 ? `${parts.slice(1).join('.')} ` : '';
}

/** Why one value was refused (the tail of a coercion or literal error). */
const VALUE_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Field "(?:\w+\.)?(\w+)" is not defined by type "\w+"/, (m) => `不存在字段“${m[1]}”`],
  [/^Field "(?:\w+\.)?(\w+)" of required type "([^"]+)" was not provided/, (m) => `缺少必填字段“${inputFieldLabel(m[1]) ?? m[1]}”`],
  [/^Expected non-nullable type "[^"]+" not to be null/, () => '不能为空'],
  [/^Expected type "\w+" to be an object/, () => '应为对象'],
  [/^Int cannot represent non-integer value/, () => '应为整数'],
  [/^Int cannot represent non 32-bit signed integer value/, () => `整数超出范围（${INT_RANGE}）`],
  [/^Float cannot represent/, () => '应为数字'],
  [/^String cannot represent/, () => '应为文字'],
  [/^Boolean cannot represent/, () => '应为 true 或 false'],
  [/^ID cannot represent/, () => '应为编号（文字）'],
  [/^Value "([^"]*)" does not exist in "(\w+)" enum/, (m) => `“${m[1]}”不是有效的${enumLabel(m[2])}`],
  [/^Enum "(\w+)" cannot represent non-enum value/, (m) => `应为${enumLabel(m[1])}的选项（不加引号）`],
  [/^DateTime cannot/, () => '日期时间无效，应为 ISO 8601 格式，如 2026-05-01T09:00:00+08:00'],
  [/^JSON cannot/, () => '应为 JSON 值'],
  [/^Expected value of type "([^"]+)", found [^;]*$/, (m) => `类型应为 ${m[1]}`],
];

function valueReason(text: string): string {
  for (const [pattern, say] of VALUE_REASONS) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  const literal = /^Expected value of type "[^"]+", found .*?; (.*)$/s.exec(text);
  if (literal) return valueReason(literal[1]);
  return '值无效';
}

/** Whole-message rules; `field` comes from the message or, for literals, from the document. */
const RULES: [RegExp, (m: RegExpExecArray) => TranslatedError][] = [
  [/^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s, (m) => {
    const field = (m[2] ?? m[1]).replace(/\[(\d+)\]/g, '.$1');
    return { field, message: `输入有误：${fieldLabel(field)}${valueReason(m[3])}` };
  }],
  [/^Variable "\$(\w+)" of required type "([^"]+)" was not provided/, (m) => ({ field: m[1], message: `缺少变量 $${m[1]}（${m[2]}）` })],
  [/^Variable "\$(\w+)" of non-null type "([^"]+)" must not be null/, (m) => ({ field: m[1], message: `变量 $${m[1]} 不能为空` })],
  [/^Variable "\$(\w+)" is never used/, (m) => ({ field: m[1], message: `变量 $${m[1]} 未被使用` })],
  [/^Variable "\$(\w+)" is not defined/, (m) => ({ field: m[1], message: `变量 $${m[1]} 未定义` })],
  [/^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"/, (m) => ({ field: m[1], message: `变量 $${m[1]} 的类型 ${m[2]} 与所需类型 ${m[3]} 不符` })],
  [/^Variable "\$(\w+)" cannot be non-input type/, (m) => ({ field: m[1], message: `变量 $${m[1]} 的类型不能用作输入` })],
  [/^There can be only one variable named "\$(\w+)"/, (m) => ({ field: m[1], message: `变量 $${m[1]} 重复定义` })],
  [/^Cannot query field "(\w+)" on type "(\w+)"/, (m) => ({ field: m[1], message: `类型 ${m[2]} 没有字段“${m[1]}”` })],
  [/^Field "(\w+)" of type "[^"]+" must have a selection of subfields/, (m) => ({ field: m[1], message: `字段“${m[1]}”须列出要查询的子字段` })],
  [/^Field "(\w+)" must not have a selection since/, (m) => ({ field: m[1], message: `字段“${m[1]}”没有子字段` })],
  [/^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required/, (m) => ({ field: m[2], message: `字段“${m[1]}”缺少必填参数“${m[2]}”（${m[3]}）` })],
  [/^Unknown argument "(\w+)" on (?:field|directive) "([^"]+)"/, (m) => ({ field: m[1], message: `“${m[2]}”没有参数“${m[1]}”` })],
  [/^There can be only one argument named "(\w+)"/, (m) => ({ field: m[1], message: `参数“${m[1]}”重复` })],
  [/^There can be only one input field named "(\w+)"/, (m) => ({ field: m[1], message: `字段“${m[1]}”重复` })],
  [/^Unknown type "(\w+)"/, (m) => ({ message: `未知类型“${m[1]}”` })],
  [/^Unknown fragment "(\w+)"/, (m) => ({ message: `未定义片段“${m[1]}”` })],
  [/^Fragment "(\w+)" is never used/, (m) => ({ message: `片段“${m[1]}”未被使用` })],
  [/^There can be only one fragment named "(\w+)"/, (m) => ({ message: `片段名“${m[1]}”重复` })],
  [/^Cannot spread fragment "(\w+)" within itself/, (m) => ({ message: `片段“${m[1]}”不能引用自身` })],
  [/^Fragment .* cannot be spread here/, () => ({ message: '片段的类型与此处不符' })],
  [/^Fragment cannot be spread here/, () => ({ message: '片段的类型与此处不符' })],
  [/^Fields "(\w+)" conflict because/, (m) => ({ field: m[1], message: `字段“${m[1]}”的同名查询互相冲突（请使用不同的别名）` })],
  [/^Unknown directive "@?(\w+)"/, (m) => ({ message: `未知指令 @${m[1]}` })],
  [/^The directive "@?(\w+)" can only be used once/, (m) => ({ message: `指令 @${m[1]} 只能使用一次` })],
  [/^Directive "@?(\w+)" may not be used on/, (m) => ({ message: `指令 @${m[1]} 不能用在此处` })],
  [/^There can be only one operation named "(\w+)"/, (m) => ({ message: `操作名“${m[1]}”重复` })],
  [/^This anonymous operation must be the only defined operation/, () => ({ message: '匿名操作只能单独出现' })],
  [/^Anonymous Subscription|^Subscription "?\w*"? must select only one/, () => ({ message: '不支持订阅（subscription）' })],
  [/^Schema is not configured to execute (\w+) operation/, (m) => ({ message: `不支持 ${m[1]} 操作` })],
  [/^Must provide operation name if query contains multiple operations/, () => ({ field: 'operationName', message: '请求含多个操作时须指定 operationName' })],
  [/^Unknown operation named "([^"]*)"/, (m) => ({ field: 'operationName', message: `请求中没有名为“${m[1]}”的操作` })],
  [/^Must provide an operation/, () => ({ message: '请求中没有可执行的操作' })],
  // graphql-armor
  [/^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)/, (m) => ({ message: `查询使用了${m[2]}个别名，超过上限${m[1]}个，请拆分为多个请求` })],
  [/^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)/, (m) => ({ message: `查询嵌套${m[2]}层，超过上限${m[1]}层` })],
  [/^Syntax Error: Query Cost limit of (\d+) exceeded, found (\d+)/, (m) => ({ message: `查询过于复杂（复杂度${m[2]}，上限${m[1]}），请减少字段或拆分请求` })],
  [/^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)/, (m) => ({ message: `查询使用了${m[2]}个指令，超过上限${m[1]}个` })],
  [/^Syntax Error: Token limit of (\d+) exceeded/, (m) => ({ message: `查询过长（超过${m[1]}个记号），请拆分请求` })],
  // graphql-js's own limit (parseOptions.maxTokens)
  [/^Syntax Error: Document contains more tha[nt] (\d+) tokens/, (m) => ({ message: `查询过长（超过${m[1]}个记号），请拆分请求` })],
  // Apollo Server's HTTP checks
  [/^This operation has been blocked as a potential Cross-Site Request Forgery/, () => ({ message: '请求被拒绝：GraphQL 请求须使用 content-type: application/json（防跨站请求伪造）' })],
  [/^GraphQL introspection is not allowed/, () => ({ message: '未开放 GraphQL 结构查询（introspection）' })],
  [/^GraphQL operations must contain a non-empty `query`/, () => ({ field: 'query', message: '请求缺少 GraphQL 查询（query）' })],
  [/^GraphQL queries must be strings/, () => ({ field: 'query', message: 'query 应为字符串' })],
  [/^POST body missing/, () => ({ message: '请求体为空，或 content-type 不是 application/json' })],
  [/^`variables` in a POST body/, () => ({ field: 'variables', message: 'variables 应为 JSON 对象' })],
  [/^`extensions` in a POST body/, () => ({ field: 'extensions', message: 'extensions 应为 JSON 对象' })],
  [/^`operationName` in a POST body/, () => ({ field: 'operationName', message: 'operationName 应为字符串' })],
  [/^GET requests only support query operations/, () => ({ message: '修改操作须使用 POST 请求' })],
  [/^GET requests may not have a content-type/, () => ({ message: 'GET 请求的 content-type 只能是 application/json' })],
  [/^Apollo Server supports only GET\/POST requests/, () => ({ message: '只支持 GET 和 POST 请求' })],
  [/^The '?(\w+)'? search parameter/, (m) => ({ field: m[1], message: `URL 参数 ${m[1]} 无效` })],
  [/^An 'accept' header was provided/, () => ({ message: '请求头 accept 不接受 JSON 答复' })],
  [/incremental delivery/, () => ({ message: '不支持增量答复（@defer/@stream）' })],
  [/^Operation batching disabled/, () => ({ message: '不支持批量请求，请逐个发送' })],
  [/persisted query/i, () => ({ message: '不支持持久化查询' })],
  [/^provided sha does not match query/, () => ({ message: '不支持持久化查询' })],
];

/** The path of arguments and input fields around `position` in `body` (e.g. `page.page`). */
function inputPathAt(body: string, position: number): string | undefined {
  let document;
  try {
    document = parse(body, { noLocation: false });
  } catch {
    return undefined;
  }
  const stack: string[] = [];
  let found: string | undefined;
  const within = (node: ASTNode) => !!node.loc && node.loc.start <= position && position < node.loc.end;
  visit(document, {
    enter(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) {
        if (!within(node)) return false;
        stack.push(node.name.value);
        found = stack.join('.');
      }
      return undefined;
    },
    leave(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.pop();
    },
  });
  return found;
}

/** Chinese for an error of the GraphQL layer (a generic line when the message is not recognised). */
export function translateGraphQLError(error: {
  message: string;
  source?: GraphQLError['source'];
  positions?: readonly number[];
  locations?: readonly { line: number; column: number }[];
}): TranslatedError {
  const text = error.message;
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  if (text.startsWith('Syntax Error: ')) {
    const at = error.locations?.[0];
    return { message: `GraphQL 语法错误${at ? `（第${at.line}行第${at.column}列）` : ''}` };
  }
  // A literal in the document: graphql-js gives the reason only; the document gives the field.
  const reason = valueReason(text);
  const position = error.positions?.[0];
  const field = error.source && position !== undefined ? inputPathAt(error.source.body, position) : undefined;
  if (reason !== '值无效' || field) {
    return { field, message: field ? `输入有误：${field} ${reason}` : `输入有误：${reason}` };
  }
  return { message: '请求有误，无法执行' };
}
