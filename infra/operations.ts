import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** What the operator watches: docs/architecture.md ("Deploying and operating") says what each alarm means. */
export interface Watched {
  /** Request-path functions, by name: their 5xx rate and throttles. */
  origins: Record<string, LambdaFunction>;
  /** Jobs, by name: their errors and throttles. */
  jobs: Record<string, LambdaFunction>;
  stream: LambdaFunction;
  failedStreamRecords: Queue;
  alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/** Alarms to one SNS topic (mailed to the operator when `alarmEmail` is given), and one dashboard. */
export function createOperations(scope: Construct, w: Watched) {
  const topic = new Topic(scope, 'OperatorAlarms', { displayName: 'Idea portal alarms', enforceSSL: true });
  if (w.alarmEmail) topic.addSubscription(new EmailSubscription(w.alarmEmail));
  const action = new SnsAction(topic);
  const alarm = (id: string, metric: IMetric, threshold: number, description: string, periods = 1) => {
    const created = new Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods: periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    created.addAlarmAction(action);
    return created;
  };

  const fiveXxRates: IMetric[] = [];
  for (const [name, fn] of Object.entries(w.origins)) {
    // Percent of the function URL's answers that were 5xx over five minutes.
    // Ids of their own: the dashboard draws every function's rate in one graph.
    const [errors, requests] = [`errors${name}`, `requests${name}`];
    const rate = new MathExpression({
      expression: `100 * ${errors} / MAX([${requests}, 1])`,
      usingMetrics: {
        [errors]: fn.metric('Url5xxCount', { statistic: 'Sum', period: FIVE_MINUTES }),
        [requests]: fn.metric('UrlRequestCount', { statistic: 'Sum', period: FIVE_MINUTES }),
      },
      label: `${name} 5xx %`,
      period: FIVE_MINUTES,
    });
    fiveXxRates.push(rate);
    alarm(`${name}5xxRate`, rate, 2, `${name}: more than 2 % of answers are 5xx (a bug or a failing dependency).`);
    alarm(`${name}Throttles`, fn.metricThrottles({ period: FIVE_MINUTES }), 0, `${name}: requests throttled.`);
  }
  for (const [name, fn] of Object.entries(w.jobs)) {
    alarm(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES }), 0, `${name}: the job failed.`);
    alarm(`${name}Throttles`, fn.metricThrottles({ period: FIVE_MINUTES }), 0, `${name}: invocations throttled.`);
  }
  const iteratorAge = w.stream.metric('IteratorAge', { statistic: 'Maximum', period: FIVE_MINUTES });
  alarm('StreamIteratorAge', iteratorAge, 60_000, 'The stream consumer is over a minute behind the table.', 3);
  const failed = w.failedStreamRecords.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES });
  alarm(
    'FailedStreamRecordsWaiting',
    failed,
    0,
    'Stream records failed three times: read them from the queue, fix, replay.',
  );
  const bounces = new Metric({
    namespace: 'AWS/SES',
    metricName: 'Reputation.BounceRate',
    statistic: 'Maximum',
    period: Duration.hours(1),
  });
  alarm('SesBounceRate', bounces, 0.04, 'SES bounce rate over 4 %: SES reviews accounts past 5 %.');

  new Dashboard(scope, 'Operations', {
    dashboardName: `${Stack.of(scope).stackName}-operations`,
    widgets: [
      [
        new GraphWidget({ title: '5xx % by function', left: fiveXxRates, width: 12 }),
        new GraphWidget({
          title: 'Throttles',
          left: [...Object.values(w.origins), ...Object.values(w.jobs)].map((fn) => fn.metricThrottles()),
          width: 12,
        }),
      ],
      [
        new GraphWidget({ title: 'Stream iterator age (ms)', left: [iteratorAge], width: 8 }),
        new GraphWidget({ title: 'Failed stream records', left: [failed], width: 8 }),
        new GraphWidget({ title: 'SES bounce rate', left: [bounces], width: 8 }),
      ],
    ],
  });
  return { topic };
}
