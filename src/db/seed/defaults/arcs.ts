import type { DefaultArc } from './types';

/** The five emotional arcs of the template tier, sharing it equally (5 × 20 %). */
export const DEFAULT_ARCS: DefaultArc[] = [
  {
    "key": "triumph",
    "label": "Triumph",
    "description": "The user arrives hopeful about a goal, works through a real obstacle with the assistant, and leaves excited because the goal now looks achievable with a concrete plan.",
    "startEmotion": "hope",
    "endEmotion": "excitement",
    "stages": [
      "User shares a meaningful goal with cautious hope",
      "A real obstacle or gap in the plan surfaces",
      "Assistant reframes the obstacle and breaks it into steps",
      "User commits to specific actions and sees measurable progress",
      "User celebrates a clear, achievable path forward"
    ],
    "suggestedTurns": [
      8,
      12
    ]
  },
  {
    "key": "struggle_to_success",
    "label": "Struggle-to-Success",
    "description": "The user starts frustrated by setbacks or conflicting advice, and through patient problem-solving ends with grounded confidence in a workable plan.",
    "startEmotion": "frustration",
    "endEmotion": "confidence",
    "stages": [
      "User vents frustration about a setback or stalled progress",
      "Assistant acknowledges the difficulty and asks clarifying questions",
      "Root causes are identified and separated from noise",
      "A simple, realistic plan is built together",
      "User tests the plan with objections and gets honest answers",
      "User ends with steady confidence and a first step scheduled"
    ],
    "suggestedTurns": [
      10,
      16
    ]
  },
  {
    "key": "steady_confidence",
    "label": "Steady Confidence",
    "description": "A capable user validates an existing plan. The emotional tone stays even while the assistant stress-tests details and the user's confidence becomes better founded.",
    "startEmotion": "confidence",
    "endEmotion": "confidence",
    "stages": [
      "User presents a plan with confidence",
      "Assistant affirms strengths and asks about assumptions",
      "A blind spot or refinement is identified",
      "User adjusts the plan without losing momentum",
      "User leaves with a sharper, well-founded plan"
    ],
    "suggestedTurns": [
      8,
      12
    ]
  },
  {
    "key": "anxiety_to_relief",
    "label": "Anxiety-to-Relief",
    "description": "The user begins worried, often about losses or the unknown. The assistant slows things down, adds perspective and facts, and the user ends relieved with a calm next step.",
    "startEmotion": "anxiety",
    "endEmotion": "relief",
    "stages": [
      "User expresses worry and urgency to act",
      "Assistant validates the feeling and slows the pace",
      "Facts and context replace worst-case assumptions",
      "User identifies what is and is not within their control",
      "A small, safe action is agreed on",
      "User expresses relief and calm"
    ],
    "suggestedTurns": [
      8,
      14
    ]
  },
  {
    "key": "discovery",
    "label": "Discovery",
    "description": "A curious user explores a concept they do not yet understand. Each answer opens a new question until the idea clicks and the user sees how it applies to them.",
    "startEmotion": "curiosity",
    "endEmotion": "confidence",
    "stages": [
      "User asks an open question out of curiosity",
      "Assistant explains the core idea with a simple example",
      "User probes edge cases and misconceptions",
      "The concept is connected to the user's own situation",
      "User summarizes the idea in their own words with new confidence"
    ],
    "suggestedTurns": [
      8,
      14
    ]
  }
];
