/**
 * Language models for the agents: an OpenAI-compatible model (structured outputs, repair, usage) and
 * the offline template model, plus the task prompt format they share.
 * @module
 */
export { mapOpenAIError } from './openai-errors';
export { type OpenAIModelOptions, openaiModel } from './openai-model';
export { describeIssues, type JsonReadResult, readJsonObject, responseFormatFor } from './structured-output';
export { estimateTokens, readTaskInput, renderTaskPrompt } from './task-prompt';
export {
  type TemplateModel,
  type TemplateModelOptions,
  type TemplateTask,
  templateModel,
} from './template-model';
