// `yaml`'s node tests (isScalar, isMap ...), bound once. Imported from `yaml` itself, each call in the bundled server
// first goes through the getter that the bundler puts on a CommonJS module's exports, which costs most while the
// server is still cold: a large compose file's first check calls them hundreds of thousands of times (measured:
// 6 ms of a 300 ms open of the 15k-line bench file in the getters alone). These are the library's own functions.
import * as yaml from 'yaml';

export const { isAlias, isCollection, isDocument, isMap, isNode, isPair, isScalar, isSeq } = yaml;
