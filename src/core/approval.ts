/**
 * The workspace's quality bar for approval (US14.1.2, "minimum score for approval"): a scored
 * conversation below it cannot be approved. Unscored ones (hand-written seeds) are not held back.
 */
export function belowApprovalBar(qualityScore: number | null, minApprovalScore: number): boolean {
  return qualityScore !== null && qualityScore < minApprovalScore;
}

export function approvalBarMessage(name: string, qualityScore: number, minApprovalScore: number): string {
  return `${name} scores ${qualityScore.toFixed(1)}, below the workspace's minimum of ${minApprovalScore} for approval: regenerate it, reject it, or lower the minimum in Settings.`;
}
