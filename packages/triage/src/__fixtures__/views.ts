import { buildOrderView, type OrderView } from '@wismo/order-view';
import { TEST_CARRIERS } from '../../../order-view/src/__fixtures__/carriers';
import { createTestDeliveryHistory } from '../../../order-view/src/__fixtures__/history';
import { supportScenarios, type Scenario } from '../../../order-view/src/__fixtures__/scenarios';

const history = createTestDeliveryHistory();

/** The order view of one of order-view's support scenarios (by a words of its name), optionally at another time. */
export function scenarioView(nameContains: string, now?: string): OrderView {
  const scenario = scenarioNamed(nameContains);
  return buildOrderView(scenario.order, scenario.shipments, {
    now: now ?? scenario.now,
    carriers: TEST_CARRIERS,
    history,
    notReceivedReported: scenario.notReceivedReported,
  });
}

export function scenarioNamed(nameContains: string): Scenario {
  const scenario = supportScenarios().find((candidate) => candidate.name.includes(nameContains));
  if (!scenario) throw new Error(`No support scenario named like "${nameContains}"`);
  return scenario;
}
