// Owns the public face of the pure anchoring code: build selectors, re-anchor them.
export {
  anchor,
  contextScore,
  MIN_QUOTE_SIMILARITY,
  type AnchorMethod,
  type Anchoring,
  type AnchorTarget,
} from './anchor';
export { approxSearch, editDistance, similarity, type ApproxMatch } from './fuzzy';
export { paragraphAt, positionSelector, quoteSelector, trimRange, type SourceRange } from './selectors';
export { anchorStatus, needsReview, orphanExplanationSv, type AnchorStatus } from './status';
