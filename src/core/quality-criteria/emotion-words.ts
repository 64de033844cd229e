/**
 * Everyday words people use for the built-in emotions (matched by the emotion's key or label),
 * added to the catalog's own label, description and guidance words: "worried" shows anxiety
 * although the catalog's wording never says it. A team's own emotions rely on their catalog words.
 */
export const EMOTION_WORDS: Record<string, string[]> = {
  fear: ['afraid', 'scared', 'terrified', 'panic', 'panicking', 'lose', 'losing', 'worst', 'frightened', 'urgent', 'now'],
  anxiety: ['anxious', 'worried', 'worry', 'nervous', 'uneasy', 'stress', 'stressed', 'what if', 'keep', 'checking', 'sleep'],
  confusion: ['confused', 'confusing', 'lost', "don't understand", 'unclear', 'mean', 'difference', 'overwhelmed', 'sense'],
  frustration: ['frustrated', 'frustrating', 'annoyed', 'tired', 'fed up', 'again', 'nothing works', 'stuck', 'failed', 'still'],
  anger: ['angry', 'furious', 'unfair', 'ridiculous', 'outrageous', 'mad', 'unacceptable'],
  skepticism: ['skeptical', 'doubt', 'really', 'how do you know', 'proof', 'evidence', 'convinced', 'sure', 'claim', 'guarantee'],
  curiosity: ['curious', 'interested', 'interesting', 'intrigued', 'wonder', 'wondering', 'how does', 'why', 'learn', 'fascinating'],
  hope: ['hope', 'hoping', 'hopeful', 'optimistic', 'goal', 'dream', 'possible', 'achievable', 'realistic', 'reach'],
  relief: ['relieved', 'relief', 'helps', 'better', 'calmer', 'calm', 'phew', 'reassuring', 'reassured', 'weight', 'okay', 'thank'],
  confidence: ['confident', 'sure', 'ready', 'clear', 'know', 'plan', 'solid', 'comfortable', 'decided', 'will'],
  excitement: ['excited', 'exciting', 'pumped', "can't wait", 'thrilled', 'great', 'love', 'motivated', 'amazing', 'eager'],
  gratitude: ['thank', 'thanks', 'grateful', 'appreciate', 'helpful'],
};

/** The built-in words for an emotion, by its catalog key or label (lower-cased). */
export function emotionWords(keyOrLabel: string): string[] {
  return EMOTION_WORDS[keyOrLabel.toLowerCase().replace(/\s+/g, '_')] ?? [];
}
