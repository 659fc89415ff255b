import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../functions/core/db/index.js';

const type = (t: 'S' | 'N') => (t === 'S' ? AttributeType.STRING : AttributeType.NUMBER);

/** The single table, from the same definition DynamoDB Local and the tests use. */
export function createTable(scope: Construct): TableV2 {
  const { partitionKey, sortKey, indexes, timeToLiveAttribute } = tableDefinition;
  return new TableV2(scope, 'Table', {
    partitionKey: { name: partitionKey.name, type: type(partitionKey.type) },
    sortKey: { name: sortKey.name, type: type(sortKey.type) },
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    timeToLiveAttribute,
    // The stream feeds notification fan-out, search indexes and dashboard aggregates.
    dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
    globalSecondaryIndexes: indexes.map((index) => ({
      indexName: index.name,
      partitionKey: { name: index.partitionKey.name, type: type(index.partitionKey.type) },
      sortKey: { name: index.sortKey.name, type: type(index.sortKey.type) },
    })),
  });
}
