import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

type Image = Record<string, unknown>;

/** One change of one item of the table, as the stream tells it: its images before and after. */
export interface Change {
  id: string;
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage?: Image;
  oldImage?: Image;
}

/** A DynamoDB stream record (Lambda event or Streams API, same shape) as a plain change. */
export function changeFromStreamRecord(record: {
  eventID?: string;
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, AttributeValue>; OldImage?: Record<string, AttributeValue> };
}): Change {
  const img = (i?: Record<string, AttributeValue>) => (i ? (unmarshall(withoutBlankValues(i)) as Image) : undefined);
  return {
    id: record.eventID ?? '',
    kind: record.eventName as Change['kind'],
    newImage: img(record.dynamodb?.NewImage),
    oldImage: img(record.dynamodb?.OldImage),
  };
}

/**
 * An empty map or list can arrive from a stream as a value with no type at all (seen with
 * DynamoDB Local), which unmarshall refuses; read those as null rather than stall the stream.
 */
function withoutBlankValues(image: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const fix = (value: AttributeValue): AttributeValue => {
    if (!value || Object.keys(value).length === 0) return { NULL: true };
    if (value.M) return { M: withoutBlankValues(value.M) };
    if (value.L) return { L: value.L.map(fix) };
    return value;
  };
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fix(v)]));
}
