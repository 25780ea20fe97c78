import { describe, expect, it } from 'vitest';
import { TEST_CARRIERS } from './__fixtures__/carriers';
import { createTestDeliveryHistory } from './__fixtures__/history';
import { journeyScenarios, supportScenarios, type Scenario } from './__fixtures__/scenarios';
import { orderViewSchema, type OrderView } from './order-view-schema';
import { buildOrderView } from './view/build-order-view';
import { suggestAgentReply } from './words/agent-reply';
import { answerWhereIsMyOrder } from './words/answer-where-is-my-order';
import { describeActor, describeDelay, describeNextAction, describeStage, statusLine } from './words/describe';
import { SUPPORTED_LANGUAGES } from './words/languages';

const history = createTestDeliveryHistory();

function viewOf(scenario: Pick<Scenario, 'order' | 'shipments' | 'now' | 'notReceivedReported'>): OrderView {
  return buildOrderView(scenario.order, scenario.shipments, {
    now: scenario.now,
    carriers: TEST_CARRIERS,
    history,
    notReceivedReported: scenario.notReceivedReported,
  });
}

/** Everything a person reads, in every language, for one view. */
function textsOf(view: OrderView) {
  return Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => [
      language,
      {
        panel: {
          stage: describeStage(view.stage, language),
          whoMustAct: describeActor(view.actor, language),
          nextAction: describeNextAction(view, language),
          delays: view.delays.map((delay) => describeDelay(view, delay, language)),
          parcels: view.parcels.map((parcel) => statusLine(view, parcel.id, language)),
        },
        answer: answerWhereIsMyOrder(view, language),
        reply: suggestAgentReply(view, { locale: language, agentName: 'Chris', shopName: 'Bergwerk Outdoor' }),
      },
    ]),
  );
}

describe('support scenarios', () => {
  describe.each(supportScenarios())('$name', (scenario) => {
    const view = viewOf(scenario);
    const focus = view.parcels.find((parcel) => parcel.id === view.nextAction.parcelId) ?? view.parcels[0];

    it('decides stage, delays, who must act, next action and ETA source', () => {
      expect({
        stage: view.stage,
        delays: view.delays.map((delay) => delay.kind),
        actor: view.actor,
        nextAction: view.nextAction.id,
        etaSource: focus?.etaSource ?? 'none',
      }).toEqual(scenario.expected);
    });

    it('is a valid OrderView', () => {
      expect(() => orderViewSchema.parse(view)).not.toThrow();
    });

    it('reads well in all five languages', () => {
      expect(textsOf(view)).toMatchSnapshot();
    });
  });
});

describe('one parcel through every stage', () => {
  const steps = journeyScenarios();

  it('walks placed → confirmed → packed → shipped → in transit → out for delivery → delivered', () => {
    expect(steps.map((step) => viewOf(step).stage)).toEqual([
      'placed',
      'confirmed',
      'packed',
      'shipped',
      'in_transit',
      'out_for_delivery',
      'delivered',
    ]);
    expect(steps.map((step) => viewOf(step).stage)).toEqual(steps.map((step) => step.stage));
  });

  it('says who must act and what to do at each step', () => {
    expect(
      steps.map((step) => {
        const view = viewOf(step);
        return [view.stage, view.actor, view.nextAction.id, view.parcels[0]?.etaSource ?? 'none'];
      }),
    ).toEqual([
      ['placed', 'shipper', 'wait_for_dispatch', 'none'],
      ['confirmed', 'shipper', 'wait_for_dispatch', 'none'],
      ['packed', 'shipper', 'wait_for_dispatch', 'none'],
      ['shipped', 'shipper', 'wait_for_carrier_pickup', 'predicted'],
      ['in_transit', 'carrier', 'wait_for_delivery', 'predicted'],
      ['out_for_delivery', 'carrier', 'wait_for_delivery', 'predicted'],
      ['delivered', 'nobody', 'share_delivery_details', 'none'],
    ]);
  });

  it.each(steps.map((step) => [step.stage, step] as const))('answers "where is my order?" when %s, in five languages', (_stage, step) => {
    const view = viewOf(step);
    expect(Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, answerWhereIsMyOrder(view, language)]))).toMatchSnapshot();
  });
});
