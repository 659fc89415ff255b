import type { z } from 'zod';
import { isTextKey, type Param, type Text, type TextKey } from './text.js';

/**
 * What a zod issue says: the schema's own key when it gave one (`says(...)`), else the key
 * for the issue's kind; bounds and a refinement's params fill the text's parameters.
 */
export function textOfIssue(issue: z.core.$ZodIssue): Text {
  const params: Record<string, Param> = {};
  if ('minimum' in issue) params.min = Number(issue.minimum);
  if ('maximum' in issue) params.max = Number(issue.maximum);
  if (issue.code === 'custom' && issue.params) Object.assign(params, issue.params);
  const key = isTextKey(issue.message) ? issue.message : keyOfIssue(issue);
  return Object.keys(params).length ? { key, params } : { key };
}

function keyOfIssue(issue: z.core.$ZodIssue): TextKey {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'input.required' : 'input.minChars';
      if (issue.origin === 'array' || issue.origin === 'set') return 'input.minItems';
      return 'input.minNumber';
    case 'too_big':
      if (issue.origin === 'string') return 'input.maxChars';
      if (issue.origin === 'array' || issue.origin === 'set') return 'input.maxItems';
      return 'input.maxNumber';
    case 'invalid_type':
      if (issue.input === undefined) return 'input.required';
      if (issue.expected === 'int') return 'input.wholeNumber';
      return issue.expected === 'number' ? 'input.number' : 'input.invalidValue';
    case 'invalid_value':
      return 'input.chooseFromList';
    case 'invalid_format':
      if (issue.format === 'email') return 'input.email';
      return issue.format === 'url' ? 'input.url' : 'input.invalidValue';
    case 'unrecognized_keys':
      return 'input.unknownField';
    default:
      return 'input.invalidValue';
  }
}
