export * from './record';
export { estimateExampleTokens, FOLD_SEPARATOR, type LineMetadata } from './checks';
export { openaiFormat, OPENAI_MAX_TOKENS_PER_EXAMPLE, type OpenAILine, type OpenAIMessage } from './openai';
export { anthropicFormat, ANTHROPIC_MAX_TOKENS_PER_EXAMPLE, type AnthropicLine, type AnthropicMessage } from './anthropic';
export {
  sharegptFormat,
  sharegptDatasetInfo,
  llamaFactoryName,
  llamaFactoryRegistration,
  type LlamaFactoryRegistration,
  type ShareGptDatasetInfo,
  type ShareGptLine,
  type ShareGptMessage,
} from './sharegpt';
export { hfFormat, type HfLine, type HfMessage } from './hf';
export { jsonFormat, jsonHeader, jsonItem, jsonFooter, type JsonItem } from './json';
export { EXPORT_FORMATS, formatLine, metadataLine } from './formats';
export * from './validate';
export * from './readiness';
export * from './metadata';
export * from './split';
export * from './dataset-card';
export * from './filename';
