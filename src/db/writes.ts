// A count of the writes this process has sent to the database, for caches of read-mostly data
// (the home page's public blocks): a cache entry made at one count is stale at the next. Counted
// when a query is compiled, before it runs: every insert, update, delete, merge and schema change,
// and every raw statement that does not begin with a read; a read never counts. Writes of other
// processes are not seen here (see dataVersion in platform/content-version.ts).
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

let writes = 0;

/** Writes this process has sent so far. */
export function localWrites(): number {
  return writes;
}

const READ_STATEMENT = /^\s*(select|with|pragma|explain|show)\b/i;

export class WriteCounter implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'SelectQueryNode') return node;
    if (node.kind === 'RawNode' && READ_STATEMENT.test(node.sqlFragments[0] ?? '')) return node;
    writes++;
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
