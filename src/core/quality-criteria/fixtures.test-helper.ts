import type { QualityContext } from './context';

/** A hand-made emergency-fund slot, shared by the criteria's tests. */
export const emergencyFundContext: QualityContext = {
  tier: 'template',
  topic: { key: 'emergency_fund', label: 'Emergency Fund', description: 'Sizing, funding, and storing a cash reserve for job loss, repairs, and other surprises.' },
  intent: { key: 'express_concern', label: 'Express Concern', description: 'The user is worried about something and needs it acknowledged.' },
  arc: {
    label: 'Anxiety to Relief',
    stages: ['User expresses worry and urgency to act', 'Assistant validates the feeling and slows the pace', 'A small, safe action is agreed on', 'User expresses relief and calm'],
    start: { key: 'anxiety', label: 'Anxiety', description: 'Ongoing unease about an uncertain outcome.' },
    end: { key: 'relief', label: 'Relief', description: 'Release of tension once a worry is resolved.' },
  },
  chunk: null,
};

export const onTopicTurns = [
  { role: 'user', content: "I'm worried. I lost my job last year and had no cash reserve at all. How big should an emergency fund be?" },
  { role: 'assistant', content: 'That worry makes sense after a job loss. A common target is three to six months of essential expenses kept as a cash reserve, sized to how stable your income is.' },
  { role: 'user', content: 'Where should I store it? And is funding it before paying extra on debt the right order?' },
  { role: 'assistant', content: 'Store it in an insured high-yield savings account you can reach quickly. Start funding it first with a small automatic transfer, then put repairs and other surprises on it instead of a credit card.' },
  { role: 'user', content: 'That is a relief. A small transfer every payday feels doable, thank you.' },
  { role: 'assistant', content: 'Good plan. Check the balance against your expenses once a year and top it up after you use it.' },
];

/** The conv-00005 pattern: names the topic, talks about inherited IRAs. */
export const offTopicTurns = [
  { role: 'user', content: "I'm interested in getting smarter about emergency fund. Where would you suggest I start?" },
  { role: 'assistant', content: 'Good instinct to dig into the ten-year rule before making any moves. A grieving heir plans inherited IRA withdrawals under the ten-year rule across lower-income years.' },
  { role: 'user', content: 'How would someone in my position get started with emergency fund?' },
  { role: 'assistant', content: 'Because the brokerage account received a step-up in cost basis, selling those holdings created little taxable gain. The inherited IRA is different for a non-spouse beneficiary.' },
  { role: 'user', content: 'Anything else I should keep in mind about emergency fund?' },
  { role: 'assistant', content: 'Plan the inherited IRA withdrawals across the decade so the tax bill stays manageable, and talk to a tax professional.' },
];
