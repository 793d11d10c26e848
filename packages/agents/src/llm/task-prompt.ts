/**
 * Structured task prompts: instructions for the model followed by the task's input as JSON between
 * `<input>` and `</input>`. Real models read both; the offline {@link templateModel} reads the JSON.
 */
export function renderTaskPrompt(instructions: string, input: unknown): string {
  return `${instructions.trim()}\n\n${INPUT_OPEN}\n${JSON.stringify(input, null, 1)}\n${INPUT_CLOSE}`;
}

/** The JSON input of a prompt made by {@link renderTaskPrompt}, or `undefined` when it has none. */
export function readTaskInput(prompt: string): unknown {
  const start = prompt.lastIndexOf(INPUT_OPEN);
  const end = prompt.lastIndexOf(INPUT_CLOSE);
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(prompt.slice(start + INPUT_OPEN.length, end));
  } catch {
    return undefined;
  }
}

/** Rough token count of a text (about 4 characters per token), for models that report none. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const INPUT_OPEN = '<input>';
const INPUT_CLOSE = '</input>';
